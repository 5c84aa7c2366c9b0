import { ErrorCode, LocalError } from '@mcp-sse/protocol'
import { describe, expect, it, vi } from 'vitest'
import { handlerFetch } from '../http/__fixtures__/handler-fetch.js'
import { HttpClient } from '../http/http-client.js'
import { ModernCaller, type ModernCallerOptions } from './call.js'
import { ResultCache } from './result-cache.js'

type Body = {
  id: string | number
  method: string
  params: Record<string, unknown> & { _meta: Record<string, unknown> }
}
type Seen = { body: Body; headers: Headers }
type Answer = (body: Body, seen: Seen[]) => Response | Promise<Response>

/** A server that answers each POST with `answer`, recording what it got. */
function server(answer: Answer) {
  const seen: Seen[] = []
  const fetch = async (request: Request) => {
    const body = (await request.json()) as Body
    seen.push({ body, headers: request.headers })
    return answer(body, seen)
  }
  return { fetch, seen }
}

const result = (body: Body, value: Record<string, unknown>) =>
  Response.json({ jsonrpc: '2.0', id: body.id, result: value })
const error = (body: Body, code: number, message: string, status: number, data?: unknown) =>
  Response.json(
    {
      jsonrpc: '2.0',
      id: body.id,
      error: { code, message, ...(data === undefined ? {} : { data }) },
    },
    { status },
  )

function sse(events: unknown[], end = true): Response {
  const encoder = new TextEncoder()
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const event of events)
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(event)}\n\n`))
      if (end) controller.close()
    },
  })
  return new Response(stream, { headers: { 'content-type': 'text/event-stream' } })
}

function caller(
  fetch: (request: Request) => Promise<Response>,
  options: Partial<ModernCallerOptions> = {},
) {
  return new ModernCaller({
    http: new HttpClient({ fetch: handlerFetch(fetch), retry: 0 }),
    url: 'http://127.0.0.1/mcp',
    identity: {
      protocolVersion: '2026-07-28',
      capabilities: { elicitation: { form: {} } },
      clientInfo: { name: 'call-test', version: '1.0.0' },
    },
    ...options,
  })
}

const accept = {
  onElicitation: () => ({ action: 'accept' as const, content: { confirmed: true } }),
}

describe('ModernCaller: the envelope', () => {
  it('sends _meta and the headers on every POST, and reads an absent resultType as complete', async () => {
    const fake = server((body) => result(body, { content: [{ type: 'text', text: 'ok' }] }))
    const answer = await caller(fake.fetch).call(
      'tools/call',
      { name: 'test_mrtr_no_result_type' },
      { id: 1 },
    )
    expect(answer).toEqual({
      result: { content: [{ type: 'text', text: 'ok' }], resultType: 'complete' },
    })
    expect(fake.seen).toHaveLength(1)
    const [{ body, headers }] = fake.seen as [Seen]
    expect(body.id).toBe(1)
    expect(body.params._meta).toMatchObject({
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: {} } },
      'io.modelcontextprotocol/clientInfo': { name: 'call-test', version: '1.0.0' },
    })
    expect(headers.get('mcp-protocol-version')).toBe('2026-07-28')
    expect(headers.get('mcp-method')).toBe('tools/call')
    expect(headers.get('mcp-name')).toBe('test_mrtr_no_result_type')
  })

  it('retries once with a new id and the version a -32022 names, and keeps that version', async () => {
    const fake = server((body, seen) =>
      seen.length === 1
        ? error(body, ErrorCode.UnsupportedProtocolVersion, 'Unsupported protocol version', 400, {
            supported: ['2026-07-28'],
            requested: '2099-01-01',
          })
        : result(body, { tools: [] }),
    )
    const modern = caller(fake.fetch, {
      identity: {
        protocolVersion: '2099-01-01',
        capabilities: {},
        clientInfo: { name: 'c', version: '1' },
      },
    })
    expect(await modern.call('tools/list', {}, { id: 5 })).toMatchObject({ result: { tools: [] } })
    await modern.call('prompts/list', {}, { id: 6 })
    const versions = fake.seen.map(({ body, headers }) => [
      body.id,
      headers.get('mcp-protocol-version'),
      body.params._meta['io.modelcontextprotocol/protocolVersion'],
    ])
    expect(versions).toEqual([
      [5, '2099-01-01', '2099-01-01'],
      ['5.1', '2026-07-28', '2026-07-28'],
      [6, '2026-07-28', '2026-07-28'],
    ])
    expect(modern.identity.protocolVersion).toBe('2026-07-28')
  })

  it('hands back a JSON-RPC error whatever its status, and fails on a status without one', async () => {
    const fake = server((body) =>
      body.method === 'nope/nothing'
        ? error(body, ErrorCode.MethodNotFound, 'Method not found', 404)
        : new Response('overloaded', { status: 503, statusText: 'Service Unavailable' }),
    )
    const modern = caller(fake.fetch)
    expect(await modern.call('nope/nothing', {})).toEqual({
      error: { code: ErrorCode.MethodNotFound, message: 'Method not found' },
    })
    const failure = await modern.call('tools/list', {}).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(LocalError)
    expect((failure as LocalError).message).toBe(
      'POST http://127.0.0.1/mcp failed with 503 Service Unavailable (tools/list): overloaded',
    )
  })
})

describe('ModernCaller: multi round-trip requests', () => {
  it('answers input_required and retries with a new id, the answers and the state byte for byte', async () => {
    const state = '{"opaque": "ünïcode", "n": [1,2]}  '
    const fake = server((body) =>
      body.params.inputResponses === undefined
        ? result(body, {
            resultType: 'input_required',
            inputRequests: {
              confirm: {
                method: 'elicitation/create',
                params: {
                  message: 'Sure?',
                  requestedSchema: {
                    type: 'object',
                    properties: { confirmed: { type: 'boolean' } },
                  },
                },
              },
            },
            requestState: state,
          })
        : result(body, { resultType: 'complete', content: [] }),
    )
    const onElicitation = vi.fn(accept.onElicitation)
    const answer = await caller(fake.fetch, { handlers: { onElicitation } }).call(
      'tools/call',
      { name: 'test_mrtr_echo_state', arguments: {} },
      { id: 9 },
    )
    expect(answer).toEqual({ result: { resultType: 'complete', content: [] } })
    expect(onElicitation).toHaveBeenCalledTimes(1)
    const [first, retry] = fake.seen as [Seen, Seen]
    expect(retry.body.id).not.toBe(first.body.id)
    expect(retry.body.params.requestState).toBe(state)
    expect(retry.body.params.inputResponses).toEqual({
      confirm: { action: 'accept', content: { confirmed: true } },
    })
    expect(retry.body.params.arguments).toEqual({})
    expect(retry.headers.get('mcp-name')).toBe('test_mrtr_echo_state')
  })

  it('sends no requestState when the server sent none, and keeps parallel calls apart', async () => {
    const fake = server((body) => {
      const name = body.params.name
      if (name === 'test_mrtr_unrelated') {
        return new Promise<Response>((resolve) =>
          setTimeout(() => {
            resolve(result(body, { resultType: 'complete', content: [] }))
          }, 20),
        )
      }
      return body.params.inputResponses === undefined
        ? result(body, {
            resultType: 'input_required',
            inputRequests: {
              confirm: {
                method: 'elicitation/create',
                params: { message: 'm', requestedSchema: { type: 'object', properties: {} } },
              },
            },
          })
        : result(body, { resultType: 'complete', content: [] })
    })
    const modern = caller(fake.fetch, { handlers: accept })
    await Promise.all([
      modern.call('tools/call', { name: 'test_mrtr_no_state' }, { id: 1 }),
      modern.call('tools/call', { name: 'test_mrtr_unrelated' }, { id: 2 }),
    ])
    const retry = fake.seen.find((entry) => entry.body.params.inputResponses !== undefined)!
    expect(retry.body.params).not.toHaveProperty('requestState')
    const unrelated = fake.seen.filter((entry) => entry.body.params.name === 'test_mrtr_unrelated')
    expect(unrelated).toHaveLength(1)
    expect(unrelated[0]!.body.params).not.toHaveProperty('inputResponses')
    expect(unrelated[0]!.body.params).not.toHaveProperty('requestState')
    expect(new Set(fake.seen.map((entry) => entry.body.id)).size).toBe(fake.seen.length)
  })

  it('goes round as often as the server asks, within maxInputRounds', async () => {
    const asking = (body: Body) =>
      result(body, { resultType: 'input_required', requestState: `round-${String(body.id)}` })
    const patient = server((body, seen) =>
      seen.length < 4 ? asking(body) : result(body, { resultType: 'complete', content: [] }),
    )
    await caller(patient.fetch).call('prompts/get', { name: 'p' }, { id: 1 })
    expect(patient.seen.map((entry) => entry.body.params.requestState)).toEqual([
      undefined,
      'round-1',
      'round-1.1',
      'round-1.2',
    ])

    const endless = server(asking)
    await expect(
      caller(endless.fetch, { maxInputRounds: 3 }).call('tools/call', { name: 'loop' }),
    ).rejects.toThrow(/tools\/call on http:\/\/127.0.0.1\/mcp still asked for input after 3 rounds/)
    expect(endless.seen).toHaveLength(4)
  })

  it('rejects input_required where the spec forbids it and result types it does not know', async () => {
    const interim = server((body) =>
      result(body, { resultType: 'input_required', requestState: 's' }),
    )
    await expect(caller(interim.fetch).call('tools/list', {})).rejects.toThrow(
      /unknown type "input_required"/,
    )
    const task = server((body) => result(body, { resultType: 'task' }))
    await expect(caller(task.fetch).call('tools/call', { name: 'x' })).rejects.toThrow(
      /unknown type "task"/,
    )
  })
})

describe('ModernCaller: streams, headers and the cache', () => {
  it('passes notifications on before the result of an SSE answer', async () => {
    const fake = server((body) =>
      sse([
        {
          jsonrpc: '2.0',
          method: 'notifications/progress',
          params: { progressToken: 1, progress: 1 },
        },
        { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'hi' } },
        { jsonrpc: '2.0', id: body.id, result: { resultType: 'complete', content: [] } },
      ]),
    )
    const notifications: string[] = []
    const answer = await caller(fake.fetch).call(
      'tools/call',
      { name: 'x' },
      {
        id: 1,
        onNotification: (notification) => notifications.push(notification.method),
      },
    )
    expect(notifications).toEqual(['notifications/progress', 'notifications/message'])
    expect(answer).toEqual({ result: { resultType: 'complete', content: [] } })
  })

  it('sends an idempotent request again with a new id when its stream ends early, and fails any other', async () => {
    const fake = server((body, seen) =>
      seen.length === 1
        ? sse([])
        : sse([{ jsonrpc: '2.0', id: body.id, result: { resultType: 'complete', tools: [] } }]),
    )
    await caller(fake.fetch).call('tools/list', {}, { id: 3, idempotent: true })
    expect(fake.seen.map((entry) => entry.body.id)).toEqual([3, '3.1'])

    const once = server(() => sse([]))
    const failure = await caller(once.fetch)
      .call('tools/call', { name: 'charge' }, { id: 4 })
      .catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(LocalError)
    expect((failure as LocalError).message).toMatch(
      /POST http:\/\/127.0.0.1\/mcp \(tools\/call\): the event stream ended before the response arrived/,
    )
    expect(once.seen).toHaveLength(1)
  })

  it('refreshes tools/list after a header mismatch and retries with the Mcp-Param headers', async () => {
    const schema = {
      type: 'object',
      properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
    }
    const fake = server((body, seen) => {
      if (body.method === 'tools/list')
        return result(body, {
          resultType: 'complete',
          tools: [{ name: 'sql', inputSchema: schema }],
          ttlMs: 0,
          cacheScope: 'private',
        })
      const header = seen.at(-1)!.headers.get('mcp-param-region')
      return header === 'eu'
        ? result(body, { resultType: 'complete', content: [] })
        : error(
            body,
            ErrorCode.HeaderMismatch,
            'Header mismatch: Mcp-Param-Region header is missing',
            400,
          )
    })
    const answer = await caller(fake.fetch).call(
      'tools/call',
      { name: 'sql', arguments: { region: 'eu' } },
      { id: 1 },
    )
    expect(answer).toMatchObject({ result: { resultType: 'complete' } })
    expect(fake.seen.map((entry) => entry.body.method)).toEqual([
      'tools/call',
      'tools/list',
      'tools/call',
    ])
  })

  it('leaves tools with invalid x-mcp-header annotations out of tools/list and says why', async () => {
    const fake = server((body) =>
      result(body, {
        resultType: 'complete',
        tools: [
          { name: 'ok', inputSchema: { type: 'object' } },
          {
            name: 'bad',
            inputSchema: {
              type: 'object',
              properties: { r: { type: 'number', 'x-mcp-header': 'R' } },
            },
          },
        ],
      }),
    )
    const warnings: LocalError[] = []
    const answer = await caller(fake.fetch, { onError: (e) => warnings.push(e) }).call(
      'tools/list',
      {},
    )
    expect(answer).toMatchObject({ result: { tools: [{ name: 'ok' }] } })
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^Tool bad on http:\/\/127.0.0.1\/mcp is left out of tools\/list: x-mcp-header 'R'/,
      ),
    ])
  })

  it('serves fresh cached results without a request, but never the answer to a retry', async () => {
    const fake = server((body) => {
      if (body.method === 'tools/list')
        return result(body, {
          resultType: 'complete',
          tools: [],
          ttlMs: 60_000,
          cacheScope: 'public',
        })
      return body.params.inputResponses === undefined
        ? result(body, {
            resultType: 'input_required',
            inputRequests: {
              confirm: {
                method: 'elicitation/create',
                params: { message: 'm', requestedSchema: { type: 'object', properties: {} } },
              },
            },
          })
        : result(body, {
            resultType: 'complete',
            contents: [],
            ttlMs: 60_000,
            cacheScope: 'private',
          })
    })
    const modern = caller(fake.fetch, { cache: new ResultCache(), handlers: accept })
    await modern.call('tools/list', {})
    await modern.call('tools/list', { _meta: { progressToken: 4 } })
    expect(fake.seen).toHaveLength(1)
    await modern.call('tools/list', {}, { fresh: true })
    expect(fake.seen).toHaveLength(2)

    await modern.call('resources/read', { uri: 'secret://x' })
    await modern.call('resources/read', { uri: 'secret://x' })
    expect(fake.seen.filter((entry) => entry.body.method === 'resources/read')).toHaveLength(4)
  })
})
