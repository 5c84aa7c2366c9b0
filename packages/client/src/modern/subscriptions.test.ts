import { LocalError, type JSONRPCNotification } from '@mcp-sse/protocol'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HttpClient, type FetchFunction } from '../http/http-client.js'
import { resolveReconnect } from '../transport/reconnect.js'
import { createOfficialServer } from './__fixtures__/official-v2-server.js'
import { createOwnModernServer } from './__fixtures__/own-modern-server.js'
import { Subscriptions } from './subscriptions.js'

const identity = {
  protocolVersion: '2026-07-28',
  capabilities: {},
  clientInfo: { name: 'listen-test', version: '1.0.0' },
}
const lists = { tools: { listChanged: true }, resources: { subscribe: true, listChanged: true } }

const running: Subscriptions[] = []
afterEach(() => {
  for (const subscriptions of running.splice(0)) subscriptions.stop()
})

function listen(fetch: FetchFunction, options: { maxRetries?: number } = {}) {
  const received: JSONRPCNotification[] = []
  const errors: LocalError[] = []
  let gaps = 0
  const subscriptions = new Subscriptions({
    http: new HttpClient({ fetch, retry: 0 }),
    url: 'http://localhost/mcp',
    identity: () => identity,
    reconnect: resolveReconnect({
      initialDelay: 10,
      maxDelay: 20,
      maxRetries: options.maxRetries ?? 5,
    }),
    dispatch: (notification) => {
      received.push(notification)
    },
    onGap: () => gaps++,
    onError: (error) => {
      errors.push(error)
    },
  })
  running.push(subscriptions)
  const until = (check: () => boolean) =>
    vi.waitFor(() => {
      if (!check()) throw new Error('not yet')
    })
  return { subscriptions, received, errors, until, gaps: () => gaps }
}

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms))

describe('Subscriptions', () => {
  it('opens one listen stream for what the server announces and delivers its notifications', async () => {
    const official = createOfficialServer()
    const { subscriptions, received, until } = listen(official.fetch)
    subscriptions.setServerCapabilities(lists)
    expect(subscriptions.filter).toEqual({ toolsListChanged: true, resourcesListChanged: true })
    subscriptions.start()
    await until(() => official.log.requests.some((r) => r.body.method === 'subscriptions/listen'))
    await tick()
    official.setExtraTool(true)
    await until(() => received.length === 1)
    const [notification] = received as [JSONRPCNotification]
    expect(notification.method).toBe('notifications/tools/list_changed')
    const request = official.log.requests.find((r) => r.body.method === 'subscriptions/listen')!
    expect(notification.params?._meta).toEqual({
      'io.modelcontextprotocol/subscriptionId': request.body.id,
    })
    expect(request.headers.get('mcp-method')).toBe('subscriptions/listen')
    expect(request.body.params).toMatchObject({
      notifications: { toolsListChanged: true, resourcesListChanged: true },
      _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' },
    })
  })

  it('moves to a new stream when a resource is subscribed, and closes the old one', async () => {
    const official = createOfficialServer()
    const { subscriptions, received, until } = listen(official.fetch)
    subscriptions.setServerCapabilities(lists)
    subscriptions.start()
    await subscriptions.subscribe('config://app')
    expect(subscriptions.filter.resourceSubscriptions).toEqual(['config://app'])
    await tick()
    official.handler.notify.resourceUpdated('config://app')
    official.handler.notify.resourceUpdated('config://other')
    official.setExtraTool(true)
    await until(() => received.length >= 2)
    await tick()
    expect(received.map((n) => n.method)).toEqual([
      'notifications/resources/updated',
      'notifications/tools/list_changed',
    ])
    expect(received[0]!.params).toMatchObject({ uri: 'config://app' })

    await subscriptions.unsubscribe('config://app')
    expect(subscriptions.filter.resourceSubscriptions).toBeUndefined()
  })

  it('reopens a stream the server ended gracefully, and reports the gap', async () => {
    const own = createOwnModernServer()
    const { subscriptions, received, until, gaps } = listen(own.fetch)
    subscriptions.setServerCapabilities(lists)
    await subscriptions.subscribe('test://static')
    own.endStreams()
    await until(() => gaps() === 1)
    own.resourceUpdated('test://static')
    await until(() => received.length === 1)
    expect(received[0]!.params).toMatchObject({ uri: 'test://static' })
  })

  it('rejects a subscription the server does not acknowledge', async () => {
    const official = createOfficialServer()
    // A server that leaves the URI out of its acknowledgement: the official one, rewritten.
    const rewriting: FetchFunction = async (input, init) => {
      const response = await official.fetch(input, init)
      const rewrite = new TransformStream<string, string>({
        transform: (chunk, controller) => {
          controller.enqueue(
            chunk.replace(/"resourceSubscriptions":\["[^"]*"\]/, '"resourceSubscriptions":[]'),
          )
        },
      })
      const body = response
        .body!.pipeThrough(new TextDecoderStream())
        .pipeThrough(rewrite)
        .pipeThrough(new TextEncoderStream())
      return new Response(body, { headers: response.headers })
    }
    const { subscriptions: refusing } = listen(rewriting)
    refusing.setServerCapabilities(lists)
    const error = await refusing.subscribe('config://app').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LocalError)
    expect((error as LocalError).message).toBe(
      'http://localhost/mcp does not send updates for config://app',
    )
    expect(refusing.filter.resourceSubscriptions).toBeUndefined()
  })

  it('stops after a refusal and after too many failed reopenings, telling onError', async () => {
    const refusing = listen((input, init) =>
      new Request(input, init)
        .json()
        .then((body: { id: string }) =>
          Response.json(
            { jsonrpc: '2.0', id: body.id, error: { code: -32602, message: 'bad filter' } },
            { status: 400 },
          ),
        ),
    )
    refusing.subscriptions.setServerCapabilities(lists)
    refusing.subscriptions.start()
    await refusing.until(() => refusing.errors.length === 1)
    expect(refusing.errors[0]!.message).toBe(
      'subscriptions/listen on http://localhost/mcp was refused: bad filter',
    )

    let attempts = 0
    const flaky = listen(
      () => {
        attempts++
        return new Response(
          new ReadableStream({
            start: (controller) => {
              controller.close()
            },
          }),
          {
            headers: { 'content-type': 'text/event-stream' },
          },
        )
      },
      { maxRetries: 2 },
    )
    flaky.subscriptions.setServerCapabilities(lists)
    flaky.subscriptions.start()
    await flaky.until(() => flaky.errors.length === 1)
    expect(flaky.errors[0]!.message).toBe(
      'The listen stream to http://localhost/mcp could not be reopened',
    )
    expect(attempts).toBe(3)
  })

  it('opens nothing when there is nothing to listen to', async () => {
    let requests = 0
    const { subscriptions } = listen(() => {
      requests++
      return new Response(null, { status: 500 })
    })
    subscriptions.setServerCapabilities({ tools: {} })
    subscriptions.start()
    await tick()
    expect(requests).toBe(0)
  })
})
