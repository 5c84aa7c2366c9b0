import { describe, expect, it } from 'vitest'
import { createEverythingServer } from './everything.js'

type Message = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** A 2026-07-28 client over the app in-process: `_meta` and routing headers on every request. */
function statelessClient(capabilities: Record<string, unknown>) {
  const app = createEverythingServer().app({ path: '/mcp' })
  let id = 1
  return async (method: string, params: Record<string, unknown> = {}) => {
    const name = method === 'resources/read' ? params.uri : params.name
    const response = await app.request('http://localhost/mcp', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': method,
        ...(typeof name === 'string' ? { 'mcp-name': name } : {}),
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: id++,
        method,
        params: {
          ...params,
          _meta: {
            'io.modelcontextprotocol/protocolVersion': '2026-07-28',
            'io.modelcontextprotocol/clientCapabilities': capabilities,
          },
        },
      }),
    })
    return { status: response.status, body: (await response.json()) as Message }
  }
}

const ALL = { elicitation: {}, sampling: {}, roots: {} }

describe('the 2026-07-28 fixtures', () => {
  it('takes two round trips for two sequential questions, each with a new requestState', async () => {
    const send = statelessClient(ALL)
    const call = { name: 'test_input_required_result_multi_round', arguments: {} }
    const first = (await send('tools/call', call)).body.result
    expect(Object.keys(first.inputRequests)).toEqual(['step1'])
    const second = (
      await send('tools/call', {
        ...call,
        requestState: first.requestState,
        inputResponses: { step1: { action: 'accept', content: { value: 'a' } } },
      })
    ).body.result
    expect(Object.keys(second.inputRequests)).toEqual(['step2'])
    expect(second.requestState).not.toBe(first.requestState)
    const done = (
      await send('tools/call', {
        ...call,
        requestState: second.requestState,
        inputResponses: { step2: { action: 'accept', content: { value: 'b' } } },
      })
    ).body.result
    expect(done).toMatchObject({
      resultType: 'complete',
      content: [{ type: 'text', text: 'step1={"value":"a"} step2={"value":"b"}' }],
    })
  })

  it('asks for all three inputs at once in the multiple-inputs tool', async () => {
    const send = statelessClient(ALL)
    const { result } = (
      await send('tools/call', { name: 'test_input_required_result_multiple_inputs' })
    ).body
    expect(result.inputRequests).toEqual({
      user_name: expect.objectContaining({ method: 'elicitation/create' }),
      greeting: expect.objectContaining({ method: 'sampling/createMessage' }),
      client_roots: { method: 'roots/list', params: {} },
    })
  })

  it('asks only for what the request declares, and answers -32021 for what it needs', async () => {
    const samplingOnly = statelessClient({ sampling: {} })
    const { result } = (
      await samplingOnly('tools/call', { name: 'test_input_required_result_capabilities' })
    ).body
    expect(
      Object.values(result.inputRequests as Message).map((request: Message) => request.method),
    ).toEqual(['sampling/createMessage'])
    const none = statelessClient({})
    const missing = await none('tools/call', { name: 'test_missing_capability' })
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatchObject({
      code: -32021,
      data: { requiredCapabilities: { sampling: {} } },
    })
  })

  it('rejects a tampered requestState', async () => {
    const send = statelessClient(ALL)
    const call = { name: 'test_input_required_result_tampered_state' }
    const first = (await send('tools/call', call)).body.result
    const { body } = await send('tools/call', {
      ...call,
      requestState: `${String(first.requestState)}-TAMPERED`,
      inputResponses: { confirm: { action: 'accept', content: { ok: true } } },
    })
    expect(body.error).toMatchObject({ code: -32602 })
  })

  it('publishes the x-mcp-header annotation of the header tool', async () => {
    const send = statelessClient({})
    const { tools } = (await send('tools/list')).body.result
    const tool = tools.find((entry: Message) => entry.name === 'test_header_param')
    expect(tool.inputSchema.properties.region).toMatchObject({
      type: 'string',
      'x-mcp-header': 'Region',
    })
  })
})
