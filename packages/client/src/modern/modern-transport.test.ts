import {
  ErrorCode,
  LocalError,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type RequestId,
} from '@mcp-sse/protocol'
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http/http-client.js'
import type { MessageContext } from '../transport/types.js'
import { createOfficialServer, type OfficialServer } from './__fixtures__/official-v2-server.js'
import { negotiateEra } from './negotiate.js'
import { ModernTransport, type ModernTransportOptions } from './modern-transport.js'

const url = 'http://localhost/mcp'
const clientInfo = { name: 'transport-test', version: '1.0.0' }

/** A transport to a fresh official server, and everything it handed up. */
function open(server: OfficialServer, options: Partial<ModernTransportOptions> = {}) {
  const transport = new ModernTransport({
    url,
    http: new HttpClient({ fetch: server.fetch }),
    clientInfo,
    capabilities: { elicitation: {}, roots: { listChanged: true } },
    handlers: { onElicitation: () => ({ action: 'accept', content: {} }) },
    reconnect: { initialDelay: 10 },
    ...options,
  })
  const received: { message: JSONRPCMessage; context: MessageContext }[] = []
  transport.onMessage = (message, context) => received.push({ message, context })
  let nextId = 1
  const request = async (
    method: string,
    params?: Record<string, unknown>,
    signal?: AbortSignal,
  ) => {
    const id = nextId++
    const message: JSONRPCRequest = { jsonrpc: '2.0', id, method }
    if (params !== undefined) message.params = params
    await transport.send(message, { signal })
    return answerTo(id)
  }
  const answerTo = (id: RequestId) =>
    received.find(({ message }) => 'id' in message && message.id === id)?.message as
      { result?: Record<string, unknown>; error?: { code: number; message: string } } | undefined
  const posted = (method?: string) =>
    server.log.requests.filter((entry) => method === undefined || entry.body.method === method)
  return { transport, received, request, posted }
}

describe('ModernTransport: what the session sends, in 2026-07-28', () => {
  it('answers initialize from the probe’s discover result, without another request', async () => {
    const server = createOfficialServer()
    const http = new HttpClient({ fetch: server.fetch })
    const negotiated = await negotiateEra({
      url,
      http,
      identity: { protocolVersion: '2026-07-28', capabilities: {}, clientInfo },
    })
    if (negotiated.era !== 'modern') throw new Error('expected a modern server')
    const { request, posted } = open(server, { discover: negotiated.discover })
    const answer = await request('initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo,
    })
    expect(answer?.result).toMatchObject({
      protocolVersion: '2026-07-28',
      serverInfo: { name: 'official-v2', version: '2.4.0' },
      capabilities: { tools: { listChanged: true } },
      instructions: 'Use echo to repeat things.',
    })
    expect(posted('server/discover')).toHaveLength(1)
    // A later initialize (after a reconnection) asks the server again.
    await request('initialize', {})
    expect(posted('server/discover')).toHaveLength(2)
  })

  it('drops the notifications 2026-07-28 HTTP has no place for, and the answers to server requests', async () => {
    const server = createOfficialServer()
    const { transport, posted } = open(server)
    await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' })
    await transport.send({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 3 },
    })
    await transport.send({ jsonrpc: '2.0', method: 'notifications/roots/list_changed' })
    await transport.send({ jsonrpc: '2.0', id: 9, result: {} })
    expect(posted()).toHaveLength(0)
  })

  it('turns logging/setLevel into the log level of every later request, and ping into discover', async () => {
    const server = createOfficialServer()
    const { request, posted, received } = open(server)
    expect((await request('logging/setLevel', { level: 'warning' }))?.result).toEqual({})
    expect(posted()).toHaveLength(0)
    await request('tools/call', { name: 'slow', arguments: { steps: 1 } })
    expect(posted('tools/call')[0]!.body.params).toMatchObject({
      _meta: { 'io.modelcontextprotocol/logLevel': 'warning' },
    })
    // An info message is below the level: none arrives.
    expect(received.filter(({ message }) => 'method' in message)).toEqual([])
    expect((await request('ping'))?.result).toEqual({})
    expect(posted('server/discover')).toHaveLength(1)
  })

  it('hands up notifications as related to the original request, and the result under its id', async () => {
    const server = createOfficialServer()
    const { request, received } = open(server, { logLevel: 'debug' })
    const answer = await request('tools/call', {
      name: 'slow',
      arguments: { steps: 2 },
      _meta: { progressToken: 'p' },
    })
    expect(answer?.result).toMatchObject({ resultType: 'complete' })
    const related = received
      .filter(({ message }) => 'method' in message)
      .map(({ message, context }) => [
        (message as { method: string }).method,
        context.relatedRequestId,
      ])
    expect(related).toEqual([
      ['notifications/progress', 1],
      ['notifications/message', 1],
      ['notifications/progress', 1],
      ['notifications/message', 1],
    ])
  })

  it('answers a multi round-trip call under the original id, the interim result never seen', async () => {
    const server = createOfficialServer()
    const { request, received, posted } = open(server)
    const answer = await request('tools/call', { name: 'confirm', arguments: { action: 'ship' } })
    expect(answer?.result?.content).toEqual([
      {
        type: 'text',
        text: 'ship: {"confirmed":true,"by":"nobody"} (state-for-ship)',
      },
    ])
    expect(received).toHaveLength(1)
    expect(posted('tools/call').map((entry) => entry.body.id)).toEqual([1, '1.1'])
  })

  it('hands the server’s errors up as error responses, with their code', async () => {
    const server = createOfficialServer()
    const { request } = open(server)
    const answer = await request('nope/nothing', {})
    expect(answer?.error?.code).toBe(ErrorCode.MethodNotFound)
  })

  it('reuses a fresh tools/list until a list change arrives on the listen stream', async () => {
    const server = createOfficialServer()
    const { transport, request, posted } = open(server)
    await request('initialize', {})
    transport.listen()
    await expect.poll(() => posted('subscriptions/listen').length).toBe(1)
    await request('tools/list', {})
    await request('tools/list', {})
    expect(posted('tools/list')).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    server.setExtraTool(true)
    await expect
      .poll(async () => {
        const answer = await request('tools/list', {})
        return (answer?.result?.tools as { name: string }[]).map((tool) => tool.name)
      })
      .toContain('extra')
    expect(posted('tools/list').length).toBeGreaterThanOrEqual(2)
    await transport.close()
  })

  it('aborts a call by closing its stream, and refuses everything once closed', async () => {
    const server = createOfficialServer()
    const { transport, request } = open(server)
    const controller = new AbortController()
    const slow = request(
      'tools/call',
      { name: 'slow', arguments: { steps: 200 } },
      controller.signal,
    )
    await expect.poll(() => server.log.runs.slow).toBe(1)
    controller.abort()
    const aborted = await slow.catch((error: unknown) => error)
    expect(aborted).toBeInstanceOf(LocalError)
    expect((aborted as LocalError).type).toBe('aborted')

    const pending = request('tools/call', { name: 'slow', arguments: { steps: 200 } })
    await expect.poll(() => server.log.runs.slow).toBe(2)
    await transport.close()
    const closed = await pending.catch((error: unknown) => error)
    expect((closed as LocalError).type).toBe('closed')
    await expect(request('tools/list', {})).rejects.toThrow(`The connection to ${url} is closed`)
  })
})
