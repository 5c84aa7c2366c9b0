import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { TestClient, messagesOf, readEvents, type SseEvent } from '../../test/harness.js'
import { McpServer, type McpServerOptions } from '../mcp-server.js'

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((done) => {
    resolve = done
  })
  return { promise, resolve }
}

function setup(serverOptions: McpServerOptions = {}) {
  const server = new McpServer({ name: 'streams', version: '1.0.0' }, serverOptions)
  const gate = deferred()
  server.tool(
    'echo',
    { inputSchema: z.object({ message: z.string() }) },
    async ({ message }, ctx) => {
      await ctx.log('info', `echo ${message}`)
      return { content: [{ type: 'text', text: message }] }
    },
  )
  server.tool('reconnect', {}, async (_args, ctx) => {
    await ctx.log('info', 'before close')
    ctx.closeStream()
    await ctx.log('info', 'after close')
    await gate.promise
    return { content: [{ type: 'text', text: 'resumed' }] }
  })
  server.tool('ask', {}, async (_args, ctx) => {
    const answer = await ctx.elicit({
      message: 'Name?',
      requestedSchema: {
        type: 'object',
        properties: { name: { type: 'string' } },
        required: ['name'],
      },
    })
    return { content: [{ type: 'text', text: `${answer.action}:${String(answer.content?.name)}` }] }
  })
  const app = server.app({ path: '/mcp' })
  return { server, app, gate, client: new TestClient(app) }
}

const untilResult = (id: number) => (event: SseEvent) =>
  event.data !== '' && JSON.parse(event.data).id === id && !('method' in JSON.parse(event.data))

describe('resumability', () => {
  it('lets a handler close its connection and the client resume with Last-Event-ID, losing nothing', async () => {
    const { client, gate } = setup()
    await client.initialize()
    const response = await client.post({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'reconnect' },
    })
    const firstPart = await readEvents(response)
    expect(firstPart[0]).toMatchObject({ data: '', retry: 1000 })
    expect(messagesOf(firstPart).map((message) => message.params?.data)).toEqual(['before close'])
    gate.resolve()
    await new Promise((resolve) => setTimeout(resolve, 10))
    const resumed = await client.get({ 'last-event-id': firstPart.at(-1)!.id! })
    const rest = await readEvents(resumed)
    const messages = messagesOf(rest)
    expect(
      messages.map((message) => message.params?.data ?? message.result?.content[0].text),
    ).toEqual(['after close', 'resumed'])
    // The replayed events keep the ids of the stream they belong to.
    const streamId = firstPart[0]!.id!.split('_')[0]
    expect(rest.every((event) => event.id?.startsWith(`${streamId}_`))).toBe(true)
  })

  it('resumes the standalone stream after a drop, replaying only what was missed', async () => {
    const { client, server } = setup()
    await client.initialize()
    const first = await client.get()
    server.notify(client.sessionId!, 'notifications/message', { level: 'info', data: 'one' })
    const seen = await readEvents(first, (_event, all) => all.length === 2)
    server.notify(client.sessionId!, 'notifications/message', { level: 'info', data: 'two' })
    server.notify(client.sessionId!, 'notifications/message', { level: 'info', data: 'three' })
    const resumed = await client.get({ 'last-event-id': seen.at(-1)!.id! })
    const missed = await readEvents(resumed, (_event, all) => all.length === 2)
    expect(messagesOf(missed).map((message) => message.params.data)).toEqual(['two', 'three'])
  })

  it('ends connections on a timer when asked to (polling), streams intact', async () => {
    const { client, server } = setup({ closeStreamsAfterMs: 20 })
    await client.initialize()
    const first = await client.get()
    const events = await readEvents(first)
    expect(events).toHaveLength(1)
    server.notify(client.sessionId!, 'notifications/message', { level: 'info', data: 'later' })
    const resumed = await readEvents(await client.get({ 'last-event-id': events[0]!.id! }))
    expect(messagesOf(resumed).map((message) => message.params.data)).toEqual(['later'])
  })

  it('writes keep-alive comments on open streams', async () => {
    const { client } = setup({ keepAliveMs: 5 })
    await client.initialize()
    const events = await readEvents(await client.get(), (event) => event.comment === 'keep-alive', {
      comments: true,
    })
    expect(events.at(-1)).toMatchObject({ comment: 'keep-alive' })
  })
})

describe('routing', () => {
  it('gives concurrent requests their own streams, each message on exactly one', async () => {
    const { client } = setup()
    await client.initialize()
    const responses = await Promise.all(
      [1, 2, 3].map((id) =>
        client.post({
          jsonrpc: '2.0',
          id,
          method: 'tools/call',
          params: { name: 'echo', arguments: { message: `m${id}` } },
        }),
      ),
    )
    const streams = await Promise.all(
      responses.map((response, index) => readEvents(response, untilResult(index + 1))),
    )
    streams.forEach((events, index) => {
      const messages = messagesOf(events)
      expect(messages).toEqual([
        expect.objectContaining({
          method: 'notifications/message',
          params: expect.objectContaining({ data: `echo m${index + 1}` }),
        }),
        expect.objectContaining({
          id: index + 1,
          result: { content: [{ type: 'text', text: `m${index + 1}` }] },
        }),
      ])
    })
    const ids = streams.map((events) => events[0]!.id!.split('_')[0])
    expect(new Set(ids).size).toBe(3)
  })

  it('keeps two clients apart: neither sees the other’s replies, logs or pushes', async () => {
    const { app, server } = setup()
    const alice = new TestClient(app)
    const bob = new TestClient(app)
    await alice.initialize()
    await bob.initialize()
    const aliceStream = readEvents(await alice.get(), (_event, all) => all.length === 2)
    const bobStream = readEvents(await bob.get(), (_event, all) => all.length === 2)
    const calls = await Promise.all([
      alice.call('tools/call', { name: 'echo', arguments: { message: 'alice-1' } }),
      bob.call('tools/call', { name: 'echo', arguments: { message: 'bob-1' } }),
      alice.call('tools/call', { name: 'echo', arguments: { message: 'alice-2' } }),
      bob.call('tools/call', { name: 'echo', arguments: { message: 'bob-2' } }),
    ])
    expect(calls.map((result) => result.content[0].text)).toEqual([
      'alice-1',
      'bob-1',
      'alice-2',
      'bob-2',
    ])
    server.notify(alice.sessionId!, 'notifications/message', { level: 'info', data: 'for alice' })
    server.notify(bob.sessionId!, 'notifications/message', { level: 'info', data: 'for bob' })
    expect(messagesOf(await aliceStream).map((message) => message.params.data)).toEqual([
      'for alice',
    ])
    expect(messagesOf(await bobStream).map((message) => message.params.data)).toEqual(['for bob'])
  })

  it('sends a server request on the request’s stream and takes the answer by POST', async () => {
    const { client } = setup()
    await client.initialize({ elicitation: {} })
    const response = await client.post({
      jsonrpc: '2.0',
      id: 4,
      method: 'tools/call',
      params: { name: 'ask' },
    })
    const events: SseEvent[] = []
    const done = readEvents(response, (event, all) => {
      events.splice(0, events.length, ...all)
      if (event.data === '') return false
      const message = JSON.parse(event.data)
      if (message.method === 'elicitation/create') {
        void client.post({
          jsonrpc: '2.0',
          id: message.id,
          result: { action: 'accept', content: { name: 'Ada' } },
        })
      }
      return message.id === 4 && !('method' in message)
    })
    const messages = messagesOf(await done)
    expect(messages[0]).toMatchObject({
      method: 'elicitation/create',
      params: { message: 'Name?' },
    })
    expect(messages.at(-1)).toEqual({
      jsonrpc: '2.0',
      id: 4,
      result: { content: [{ type: 'text', text: 'accept:Ada' }] },
    })
  })

  it('never reuses a server request id in a session, even after the idle sweep drops its Peer', async () => {
    // The sweep runs every second with this timeout and releases the Peer of an idle session.
    const { client } = setup({ sessionIdleTimeoutMs: 2000 })
    await client.initialize({ elicitation: {} })
    const askedIds: unknown[] = []
    const ask = async (id: number) => {
      const response = await client.post({
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name: 'ask' },
      })
      await readEvents(response, (event) => {
        if (event.data === '') return false
        const message = JSON.parse(event.data)
        if (message.method === 'elicitation/create') {
          askedIds.push(message.id)
          void client.post({
            jsonrpc: '2.0',
            id: message.id,
            result: { action: 'accept', content: { name: 'Ada' } },
          })
        }
        return message.id === id && !('method' in message)
      })
    }
    await ask(1)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await ask(2)
    expect(askedIds).toHaveLength(2)
    expect(askedIds[0]).not.toEqual(askedIds[1])
  })

  it('refuses elicitation when the client did not declare it, with a message that says so', async () => {
    const { client } = setup()
    await client.initialize()
    await expect(client.call('tools/call', { name: 'ask' })).rejects.toThrow(
      /did not declare the elicitation capability/,
    )
  })
})

describe('cancellation', () => {
  it('stops the handler and ends the POST without a response when the client cancels', async () => {
    const server = new McpServer({ name: 'cancel', version: '1.0.0' })
    let aborted = false
    server.tool('wait', {}, (_args, ctx) => {
      return new Promise((_resolve, reject) => {
        ctx.signal.addEventListener('abort', () => {
          aborted = true
          reject(new Error('cancelled'))
        })
      })
    })
    for (const responseMode of ['auto', 'sse'] as const) {
      const client = new TestClient(server.app({ path: '/mcp', responseMode }))
      await client.initialize()
      const pending = client.post({
        jsonrpc: '2.0',
        id: 5,
        method: 'tools/call',
        params: { name: 'wait' },
      })
      await new Promise((resolve) => setTimeout(resolve, 10))
      aborted = false
      const cancel = await client.post({
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: 5, reason: 'user' },
      })
      expect(cancel.status).toBe(202)
      const response = await pending
      expect(aborted).toBe(true)
      const messages = response.status === 202 ? [] : messagesOf(await readEvents(response))
      expect(messages).toEqual([])
    }
  })
})

describe('push', () => {
  it('broadcasts to every open stream once, honouring each session’s log level', async () => {
    const { app, server } = setup()
    const loud = new TestClient(app)
    const quiet = new TestClient(app)
    await loud.initialize()
    await quiet.initialize()
    await quiet.call('logging/setLevel', { level: 'error' })
    const loudEvents = readEvents(await loud.get(), (_event, all) => all.length === 3)
    const quietEvents = readEvents(await quiet.get(), (_event, all) => all.length === 2)
    await server.log('info', 'routine')
    await server.log('error', 'alarm')
    await server.broadcast('notifications/tools/list_changed')
    expect(
      messagesOf(await loudEvents).map((message) => message.params?.data ?? message.method),
    ).toEqual(['routine', 'alarm'])
    expect(
      messagesOf(await quietEvents).map((message) => message.params?.data ?? message.method),
    ).toEqual(['alarm'])
  })

  it('tells clients when tools change, and about updated resources they subscribed to', async () => {
    const { client, server } = setup()
    server.resource('test://watched', { name: 'watched' }, () => ({ contents: [] }))
    await client.initialize()
    await client.call('resources/subscribe', { uri: 'test://watched' })
    const events = readEvents(await client.get(), (_event, all) => all.length === 4)
    const handle = server.tool('late', {}, () => ({ content: [] }))
    server.resourceUpdated('test://watched')
    server.resourceUpdated('test://not-subscribed')
    handle.remove()
    expect(messagesOf(await events).map((message) => message.method)).toEqual([
      'notifications/tools/list_changed',
      'notifications/resources/updated',
      'notifications/tools/list_changed',
    ])
    const tools = await client.call('tools/list')
    expect(tools.tools.map((tool: { name: string }) => tool.name)).toEqual([
      'echo',
      'reconnect',
      'ask',
    ])
  })
})
