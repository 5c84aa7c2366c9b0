/**
 * Faults over real sockets: a server that restarts, a stream cut mid-call, a server that stalls,
 * a tool that reports progress for longer than the timeout, streams that break before any id.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { connect, LocalError, type ConnectionState, type McpClient } from '../src/index.js'
import {
  memoryEventStore,
  startStreamableHttp,
  type RunningServer,
} from './fixtures/official-server.js'
import { event, handshake, json, openSse, startRaw, type RawServer } from './fixtures/raw-server.js'

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

function track<T extends McpClient | RunningServer | RawServer>(thing: T): T {
  cleanup.push(() => thing.close())
  return thing
}

// Streamable HTTP faults: the raw server answers any POST, so the 2026 probe is skipped.
const fast = {
  memory: false as const,
  era: 'legacy' as const,
  reconnect: { initialDelay: 20, maxDelay: 200 },
}

function text(result: { content: unknown[] }): string {
  return result.content.map((block) => (block as { text?: string }).text ?? '').join('')
}

describe('a server that restarts mid-session', () => {
  it('is re-initialised transparently, and the next call succeeds', async () => {
    const first = await startStreamableHttp()
    const client = track(await connect(first.url, fast))
    expect(text(await client.callTool('echo', { text: 'before' }))).toBe('before')
    const oldSession = client.sessionId
    const states: ConnectionState[] = []
    const noticed = new Promise<void>((resolve) => {
      client.onStateChange((state) => {
        states.push(state)
        if (state === 'reconnecting') resolve()
      })
    })

    await first.kill()
    // The listening stream broke with the server: the client knows it is gone.
    await noticed
    const second = track(await startStreamableHttp({ port: first.port }))

    expect(text(await client.callTool('echo', { text: 'after' }))).toBe('after')
    expect(second.log.initializes).toBe(1)
    expect(second.log.calls.echo).toBe(1)
    expect(client.sessionId).not.toBe(oldSession)
    expect(states).toContain('reconnecting')
    expect(client.state).toBe('ready')
  })
})

describe('a response stream cut mid-call', () => {
  it('is resumed with Last-Event-ID: the result arrives once and no progress is lost', async () => {
    const server = track(await startStreamableHttp({ eventStore: memoryEventStore() }))
    const errors: Error[] = []
    const client = track(await connect(server.url, { ...fast, onError: (e) => errors.push(e) }))
    const progress: number[] = []
    const result = await client.callTool(
      'slow',
      { steps: 4, delayMs: 60 },
      {
        onProgress: ({ progress: step }) => {
          progress.push(step)
          if (step === 1) server.cut('slow')
        },
      },
    )
    expect(text(result)).toBe('done after 4 steps')
    expect(progress).toEqual([1, 2, 3, 4])
    expect(server.log.calls.slow).toBe(1)
    expect(errors.filter((error) => /unknown request id/.test(error.message))).toEqual([])
  })

  it('is POSTed again when it broke before any event id and the request is safe to repeat', async () => {
    let lists = 0
    const server = track(
      await startRaw((request, response) => {
        if (handshake(request, response)) return
        if (request.method === 'GET') return void response.writeHead(405).end()
        lists++
        if (lists === 1) {
          openSse(response)
          response.end() // no event, no id: nothing to resume from
          return
        }
        json(response, request.body?.id, {
          tools: [{ name: 'only', inputSchema: { type: 'object' } }],
        })
      }),
    )
    const client = track(await connect(server.url, fast))
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name)).toEqual(['only'])
    expect(lists).toBe(2)
  })

  it('is resumed with a plain GET when it broke before any event id and must not be repeated', async () => {
    let pendingId: number | string | undefined
    const server = track(
      await startRaw((request, response) => {
        if (handshake(request, response)) return
        if (request.method === 'POST') {
          pendingId = request.body?.id
          openSse(response)
          response.end()
          return
        }
        // The listening GET after initialize finds nothing pending; the resuming one does.
        openSse(response)
        if (pendingId !== undefined) {
          event(response, 'g1', {
            jsonrpc: '2.0',
            id: pendingId,
            result: { content: [{ type: 'text', text: 'late' }] },
          })
          pendingId = undefined
        }
      }),
    )
    const client = track(await connect(server.url, fast))
    expect(text(await client.callTool('write', {}))).toBe('late')
    const calls = server.requests.filter((request) => request.body?.method === 'tools/call')
    expect(calls).toHaveLength(1)
  })
})

describe('a server that keeps a response stream open after the response', () => {
  it('gets its answer used at once, and the stream cut shortly after', async () => {
    let cut: () => void = () => {}
    const streamClosed = new Promise<void>((resolve) => (cut = resolve))
    const server = track(
      await startRaw((request, response) => {
        if (handshake(request, response)) return
        if (request.method === 'GET') return void response.writeHead(405).end()
        openSse(response)
        event(response, 'r1', { jsonrpc: '2.0', id: request.body?.id, result: { content: [] } })
        response.on('close', cut) // and never end it
      }),
    )
    const client = track(await connect(server.url, fast))
    expect(await client.callTool('open', {})).toEqual({ content: [] })
    await streamClosed
  })
})

describe('a server that stalls without closing', () => {
  it('is detected by the keep-alive timeout and the call is resumed', async () => {
    const server = track(
      await startRaw((request, response) => {
        if (handshake(request, response)) return
        if (request.method === 'POST') {
          openSse(response)
          event(response, 'c1-0')
          event(response, 'c1-1', {
            jsonrpc: '2.0',
            method: 'notifications/message',
            params: { level: 'info', data: 'working' },
          })
          return // and then nothing, on an open connection
        }
        if (request.headers['last-event-id'] === undefined)
          return void response.writeHead(405).end()
        openSse(response)
        event(response, 'c1-2', {
          jsonrpc: '2.0',
          id: 2,
          result: { content: [{ type: 'text', text: 'resumed' }] },
        })
      }),
    )
    const client = track(await connect(server.url, { ...fast, keepAliveTimeout: 150 }))
    expect(text(await client.callTool('stall', {}))).toBe('resumed')
    const resumed = server.requests.find(
      (request) => request.method === 'GET' && request.headers['last-event-id'],
    )
    expect(resumed?.headers['last-event-id']).toBe('c1-1')
  })

  it('reopens a listening stream that went silent, from its last event id', async () => {
    let gets = 0
    const server = track(
      await startRaw((request, response) => {
        if (handshake(request, response)) return
        gets++
        openSse(response)
        event(response, `listen-${gets}`)
      }),
    )
    const client = track(await connect(server.url, { ...fast, keepAliveTimeout: 100 }))
    const reopened = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (gets >= 3) {
          clearInterval(timer)
          resolve()
        }
      }, 10)
    })
    await reopened
    const lastEventIds = server.requests
      .filter((r) => r.method === 'GET')
      .map((r) => r.headers['last-event-id'])
    expect(lastEventIds.slice(0, 3)).toEqual([undefined, 'listen-1', 'listen-2'])
    expect(client.state).not.toBe('closed')
  })
})

describe('a slow tool that reports progress', () => {
  it('completes although it runs longer than the per-call timeout', async () => {
    const server = track(await startStreamableHttp())
    const client = track(await connect(server.url, fast))
    const progress: number[] = []
    const result = await client.callTool(
      'slow',
      { steps: 6, delayMs: 100 },
      {
        timeout: 400,
        onProgress: ({ progress: step }) => progress.push(step),
      },
    )
    expect(text(result)).toBe('done after 6 steps')
    expect(progress).toHaveLength(6)
  })

  it('still times out without progress, and with a total cap', async () => {
    const server = track(await startStreamableHttp())
    const client = track(await connect(server.url, fast))
    const silent = await client
      .callTool('slow', { steps: 6, delayMs: 100 }, { timeout: 400 })
      .catch((error: unknown) => error)
    expect(silent).toBeInstanceOf(LocalError)
    expect((silent as LocalError).type).toBe('timeout')
    const capped = await client
      .callTool(
        'slow',
        { steps: 6, delayMs: 100 },
        { timeout: 400, maxTotalTimeout: 200, onProgress: () => {} },
      )
      .catch((error: unknown) => error)
    expect((capped as LocalError).type).toBe('timeout')
  })
})
