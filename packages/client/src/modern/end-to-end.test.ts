/**
 * `connect()` in the 2026-07-28 era, as a user writes it: the official v2 `createMcpHandler`
 * server on a real socket, and our own `ModernDispatcher` in-process. The calls are the ones the
 * 2025 interop tests make; nothing in them says which era is spoken (`test/eras.test.ts` runs
 * one test body against every era).
 */
import { LocalError, McpError } from '@mcp-sse/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import type { McpClient } from '../client/client.js'
import type { ToolEvent } from '../client/types.js'
import { connect, type ConnectOptions } from '../connect.js'
import {
  startOfficialServer,
  type RunningOfficialServer,
} from './__fixtures__/official-v2-server.js'
import { createOwnModernServer } from './__fixtures__/own-modern-server.js'

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

const nothing: Record<string, string> = {}
const handlers: ConnectOptions = {
  onElicitation: (params) => ({
    action: 'accept',
    content: params.message === 'Who?' ? { name: 'Ada' } : nothing,
  }),
  onSampling: () => ({
    role: 'assistant',
    model: 'test-model',
    content: { type: 'text', text: 'hello' },
  }),
  roots: [{ uri: 'file:///work', name: 'work' }],
  reconnect: { initialDelay: 20 },
  era: 'modern',
  memory: false,
  timeout: 10_000,
  clientInfo: { name: 'modern-test-client', version: '1.0.0' },
}

async function connectModern(url: string, options: ConnectOptions) {
  const errors: Error[] = []
  const client = await connect(url, {
    ...options,
    onError: (error) => {
      errors.push(error)
    },
  })
  return { client, errors }
}

function text(result: { content: unknown[] }): string {
  return result.content.map((block) => (block as { text?: string }).text ?? '').join('')
}

async function official(mode?: 'auto' | 'sse' | 'json') {
  const server = await startOfficialServer({ responseMode: mode })
  cleanup.push(() => server.close())
  const connection = await connectModern(server.url, handlers)
  cleanup.push(() => connection.client.close())
  return { server, ...connection }
}

async function collect(events: AsyncIterable<ToolEvent>): Promise<ToolEvent[]> {
  const all: ToolEvent[] = []
  for await (const event of events) all.push(event)
  return all
}

describe('McpClient over 2026-07-28, against the official v2 createMcpHandler on a socket', () => {
  let server: RunningOfficialServer
  let client: McpClient

  it('connects without initialize and describes the server as initialize would', async () => {
    ;({ server, client } = await official())
    expect(client.transport).toBe('stateless')
    expect(client.sessionId).toBeUndefined()
    expect(client.protocolVersion).toBe('2026-07-28')
    expect(client.serverInfo).toEqual({ name: 'official-v2', version: '2.4.0' })
    expect(client.instructions).toBe('Use echo to repeat things.')
    expect(server.log.requests.map((request) => request.body.method)).not.toContain('initialize')
  })

  it('lists and calls tools, structured output checked, with the same calls as in 2025', async () => {
    ;({ server, client } = await official())
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name)).toEqual([
      'echo',
      'add',
      'slow',
      'confirm',
      'trio',
      'steps',
      'region',
    ])
    expect(text(await client.callTool('echo', { text: 'hi' }))).toBe('hi')
    expect((await client.callTool('add', { a: 2, b: 3 })).structuredContent).toEqual({ sum: 5 })
    const progress: number[] = []
    const slow = await client.callTool(
      'slow',
      { steps: 3 },
      { onProgress: (p) => progress.push(p.progress) },
    )
    expect(text(slow)).toBe('done after 3 steps')
    expect(progress).toEqual([1, 2, 3])
    // tools/list came with ttlMs 60 s: listing again is served from the cache, until an
    // error on a tool call suggests the list may have changed.
    await client.listTools()
    expect(server.log.requests.filter((r) => r.body.method === 'tools/list')).toHaveLength(1)
    await expect(client.callTool('nope', {})).rejects.toBeInstanceOf(McpError)
    await client.listTools()
    expect(server.log.requests.filter((r) => r.body.method === 'tools/list')).toHaveLength(2)
  })

  it('streams progress and logs, then the result', async () => {
    ;({ server, client } = await official('sse'))
    await client.setLoggingLevel('info')
    const events = await collect(client.streamTool('slow', { steps: 2 }))
    expect(events.map((event) => event.type)).toEqual([
      'progress',
      'log',
      'progress',
      'log',
      'result',
    ])
    expect(events[1]).toMatchObject({ type: 'log', level: 'info', data: 'step 1', logger: 'slow' })
  })

  it('answers input requests with the connect() handlers: form defaults, sampling, roots, several rounds', async () => {
    ;({ server, client } = await official())
    const confirm = await client.callTool('confirm', { action: 'deploy' })
    expect(text(confirm)).toBe('deploy: {"confirmed":true,"by":"nobody"} (state-for-deploy)')
    expect(server.log.states).toEqual([undefined, 'state-for-deploy'])
    expect(text(await client.callTool('trio', {}))).toBe('hello Ada (1 roots)')
    const ids = server.log.requests
      .filter((r) => r.body.method === 'tools/call')
      .map((r) => r.body.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('mirrors x-mcp-header parameters into Mcp-Param headers, encoded', async () => {
    ;({ server, client } = await official())
    await client.listTools()
    expect(
      text(await client.callTool('region', { region: 'Zoë', query: 'SELECT 1', priority: 7 })),
    ).toBe('Zoë: SELECT 1')
    const call = server.log.requests.find((r) => r.body.method === 'tools/call')!
    expect(call.headers.get('mcp-name')).toBe('region')
    expect(call.headers.get('mcp-param-region')).toBe('=?base64?Wm/Dqw==?=')
    expect(call.headers.get('mcp-param-priority')).toBe('7')
  })

  it('reads resources, gets prompts and pings', async () => {
    ;({ server, client } = await official('json'))
    expect((await client.readResource('config://app')).contents).toEqual([
      { uri: 'config://app', text: 'debug=true' },
    ])
    const prompt = await client.getPrompt('greet', { name: 'Bob' })
    expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: 'Hello Bob' })
    await client.ping()
  })

  it('feeds the notification listeners from subscriptions/listen: list changes and resource updates', async () => {
    ;({ server, client } = await official())
    const changes: string[] = []
    client.onNotification('notifications/tools/list_changed', () => {
      changes.push('tools')
    })
    client.onNotification('notifications/resources/updated', (params) => {
      changes.push(params.uri)
    })
    await expect
      .poll(
        () => server.log.requests.filter((r) => r.body.method === 'subscriptions/listen').length,
      )
      .toBe(1)
    await client.subscribeResource('config://app')
    await new Promise((resolve) => setTimeout(resolve, 50))
    server.setExtraTool(true)
    server.handler.notify.resourceUpdated('config://app')
    await expect.poll(() => changes).toEqual(['tools', 'config://app'])
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('extra')
  })

  it('fails calls in flight and later ones with closed errors once closed', async () => {
    ;({ server, client } = await official())
    const pending = client.callTool('slow', { steps: 500 })
    await expect.poll(() => server.log.runs.slow).toBe(1)
    await client.close()
    const error = await pending.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(LocalError)
    expect((error as LocalError).type).toBe('closed')
  })
})

describe('McpClient over 2026-07-28, against our ModernDispatcher in-process', () => {
  it('runs the same handler code that elicits, samples and asks for roots, across rounds', async () => {
    const own = createOwnModernServer()
    const { client } = await connectModern('http://localhost/mcp', {
      ...handlers,
      fetch: own.fetch,
    })
    cleanup.push(() => client.close())
    expect(client.serverInfo).toEqual({ name: 'mcp-sse-modern', version: '0.0.0' })
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name)).toEqual(['greet', 'trio', 'chatty', 'execute_sql'])
    expect(text(await client.callTool('greet', { greeting: 'Hi' }))).toBe('Hi, stranger!')
    expect(text(await client.callTool('trio', {}))).toBe('hello Ada (1 roots)')
    const prompt = await client.getPrompt('context_prompt')
    expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: 'Context: stranger' })
    expect(own.runs.greet).toBe(2)
  })

  it('passes the header checks, streams, caches reads and delivers resource updates', async () => {
    const own = createOwnModernServer()
    const { client, errors } = await connectModern('http://localhost/mcp', {
      ...handlers,
      fetch: own.fetch,
    })
    cleanup.push(() => client.close())
    await client.listTools()
    expect(text(await client.callTool('execute_sql', { region: 'eu west 1', query: 'q' }))).toBe(
      'q in eu west 1',
    )
    await client.setLoggingLevel('debug')
    const events = await collect(client.streamTool('chatty', {}))
    expect(events.map((event) => event.type)).toEqual(['progress', 'log', 'progress', 'result'])

    const read = await client.readResource('test://static')
    expect(read.contents).toEqual([{ uri: 'test://static', text: 'static text' }])
    const updates: string[] = []
    client.onNotification('notifications/resources/updated', (params) => {
      updates.push(params.uri)
    })
    await client.subscribeResource('test://static')
    own.resourceUpdated('test://static')
    await expect.poll(() => updates).toEqual(['test://static'])
    expect(errors).toEqual([])
  })
})
