/**
 * The official TypeScript SDK client (`@modelcontextprotocol/sdk` 1.x) against our server over
 * real sockets, on both wires.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import {
  ElicitRequestSchema,
  LoggingMessageNotificationSchema,
  ResourceUpdatedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { McpServer, type McpServerOptions } from '../src/mcp-server.js'
import { serve, type RunningServer } from '../src/node/index.js'

const running: RunningServer[] = []
const clients: Client[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) await client.close().catch(() => {})
  for (const server of running.splice(0)) await server.close()
})

function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) resolve()
      else if (Date.now() - started > timeoutMs) reject(new Error(`Timed out waiting for ${what}`))
      else setTimeout(check, 10)
    }
    check()
  })
}

function createServer(options: McpServerOptions = {}) {
  const server = new McpServer({ name: 'interop', version: '1.0.0' }, options)
  server.tool(
    'add',
    { description: 'Adds two numbers', inputSchema: z.object({ a: z.number(), b: z.number() }) },
    async ({ a, b }, ctx) => {
      await ctx.progress(1, 2, 'adding')
      await ctx.log('info', `adding ${a} and ${b}`)
      await ctx.progress(2, 2, 'done')
      // The SDK 1.x client handles notifications a microtask after responses: a progress
      // notification that arrives in the same read as the response finds its handler gone. Real
      // work takes time between the two; so does this tool.
      await new Promise((resolve) => setTimeout(resolve, 20))
      return { content: [{ type: 'text', text: String(a + b) }] }
    },
  )
  server.tool('ask', { description: 'Asks the user' }, async (_args, ctx) => {
    const answer = await ctx.elicit({
      message: 'Your name?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
    })
    return { content: [{ type: 'text', text: `hello ${String(answer.content?.name)}` }] }
  })
  server.tool('drop', { description: 'Drops its connection mid-call' }, async (_args, ctx) => {
    await ctx.log('info', 'before the drop')
    ctx.closeStream()
    await ctx.log('info', 'while disconnected')
    await new Promise((resolve) => setTimeout(resolve, 50))
    return { content: [{ type: 'text', text: 'survived' }] }
  })
  server.resource('test://hello', { name: 'hello', mimeType: 'text/plain' }, (uri) => ({
    contents: [{ uri, mimeType: 'text/plain', text: 'Hello, world' }],
  }))
  server.resourceTemplate('test://users/{id}', { name: 'user' }, (uri, { id }) => ({
    contents: [{ uri, text: `user ${String(id)}` }],
  }))
  server.prompt(
    'greet',
    { description: 'Greets', arguments: z.object({ name: z.string() }) },
    ({ name }) => ({
      messages: [{ role: 'user', content: { type: 'text', text: `Hello ${name}` } }],
    }),
  )
  return server
}

async function connect(
  server: McpServer,
  wire: 'streamable-http' | 'sse',
  capabilities: Record<string, unknown> = {},
): Promise<Client> {
  const listening = await serve(server, { port: 0 })
  running.push(listening)
  const client = new Client({ name: 'sdk-client', version: '1.0.0' }, { capabilities })
  clients.push(client)
  const base = new URL(listening.url)
  const transport =
    wire === 'sse'
      ? // eslint-disable-next-line @typescript-eslint/no-deprecated -- the 2024-11-05 wire is what is tested
        new SSEClientTransport(new URL('/sse', base))
      : new StreamableHTTPClientTransport(base, {
          reconnectionOptions: {
            initialReconnectionDelay: 20,
            maxReconnectionDelay: 100,
            reconnectionDelayGrowFactor: 1,
            maxRetries: 20,
          },
        })
  await client.connect(transport)
  return client
}

describe.each(['streamable-http', 'sse'] as const)('the official SDK client over %s', (wire) => {
  it('lists and calls tools, with progress and logs', async () => {
    const client = await connect(createServer(), wire)
    const logs: unknown[] = []
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      logs.push(notification.params.data)
    })
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name)).toEqual(['add', 'ask', 'drop'])
    expect(tools[0]!.inputSchema).toMatchObject({ type: 'object', required: ['a', 'b'] })
    const progress: number[] = []
    const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } }, undefined, {
      onprogress: (update) => progress.push(update.progress),
    })
    expect(result.content).toEqual([{ type: 'text', text: '5' }])
    expect(progress).toEqual([1, 2])
    expect(logs).toEqual(['adding 2 and 3'])
  })

  it('reads resources and templates, and gets prompts', async () => {
    const client = await connect(createServer(), wire)
    const { resources } = await client.listResources()
    expect(resources).toEqual([{ uri: 'test://hello', name: 'hello', mimeType: 'text/plain' }])
    expect((await client.readResource({ uri: 'test://hello' })).contents).toEqual([
      { uri: 'test://hello', mimeType: 'text/plain', text: 'Hello, world' },
    ])
    const { resourceTemplates } = await client.listResourceTemplates()
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual(['test://users/{id}'])
    expect((await client.readResource({ uri: 'test://users/42' })).contents[0]).toMatchObject({
      text: 'user 42',
    })
    const prompt = await client.getPrompt({ name: 'greet', arguments: { name: 'Ada' } })
    expect(prompt.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Hello Ada' } },
    ])
  })

  it('answers a server request made mid-call (elicitation)', async () => {
    const client = await connect(createServer(), wire, { elicitation: {} })
    client.setRequestHandler(ElicitRequestSchema, () => ({
      action: 'accept',
      content: { name: 'Ada' },
    }))
    const result = await client.callTool({ name: 'ask', arguments: {} })
    expect(result.content).toEqual([{ type: 'text', text: 'hello Ada' }])
  })

  it('receives pushed notifications: broadcasts, list changes and resource updates', async () => {
    const server = createServer()
    const client = await connect(server, wire)
    const received: string[] = []
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      received.push(String(notification.params.data))
    })
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      received.push('tools changed')
    })
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
      received.push(`updated ${notification.params.uri}`)
    })
    await client.subscribeResource({ uri: 'test://hello' })
    // The Streamable HTTP client opens its GET stream on its own after initialize.
    await until(() => server.sessionCount === 1, 'the session')
    if (wire === 'streamable-http') await new Promise((resolve) => setTimeout(resolve, 100))
    await server.log('info', 'to everyone')
    server.tool('late', { description: 'Added later' }, () => ({ content: [] }))
    server.resourceUpdated('test://hello')
    await until(() => received.length === 3, 'three notifications')
    expect(received).toEqual(['to everyone', 'tools changed', 'updated test://hello'])
  })
})

describe('resumption with the official SDK client', () => {
  it('resumes a POST stream dropped mid-call and gets everything, the result included', async () => {
    const client = await connect(createServer({ retryMs: 20 }), 'streamable-http')
    const logs: unknown[] = []
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      logs.push(notification.params.data)
    })
    const result = await client.callTool({ name: 'drop', arguments: {} })
    expect(result.content).toEqual([{ type: 'text', text: 'survived' }])
    expect(logs).toEqual(['before the drop', 'while disconnected'])
  })

  it('resumes the GET stream after the server drops it, losing no pushed event', async () => {
    const server = createServer({ retryMs: 20, closeStreamsAfterMs: 150 })
    const client = await connect(server, 'streamable-http')
    const received: number[] = []
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      received.push(Number(notification.params.data))
    })
    await until(() => server.sessionCount === 1, 'the session')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const [sessionId] = server.sessionIds()
    // Events go out every 15 ms for longer than several connection lifetimes: some are written
    // while the client is between connections and reach it only by replay.
    for (let index = 0; index < 40; index++) {
      server.notify(sessionId!, 'notifications/message', { level: 'info', data: index })
      await new Promise((resolve) => setTimeout(resolve, 15))
    }
    await until(() => received.length >= 40, 'all 40 events')
    expect(received).toEqual(Array.from({ length: 40 }, (_, index) => index))
  })
})
