/**
 * The official v2 client (`@modelcontextprotocol/client` 2.4.0) against our server over real
 * sockets, in the 2026-07-28 era (stateless requests, input_required) and in the 2025-11-25 era
 * (a session, server requests on the stream): the same server, the same handler code.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { McpServer } from '../src/mcp-server.js'
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

/** The server every test uses; `runs` counts handler runs that got past their input calls. */
function createServer() {
  const server = new McpServer({ name: 'interop-v2', version: '1.0.0' })
  const runs = { book: 0 }
  server.tool(
    'add',
    { description: 'Adds two numbers', inputSchema: z.object({ a: z.number(), b: z.number() }) },
    ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
  )
  // One handler for both eras: a server request in 2025, input_required and a retry in 2026.
  server.tool(
    'book',
    { description: 'Books a table after asking who and confirming', inputSchema: z.object({}) },
    async (_args, ctx) => {
      const who = await ctx.elicit({
        message: 'Who is the table for?',
        requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
      })
      const sure = await ctx.elicit({
        message: `Book for ${String(who.content?.name)}?`,
        requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } } },
      })
      if (sure.content?.ok !== true) return { content: [{ type: 'text', text: 'not booked' }] }
      runs.book += 1 // the side effect, after the last input call
      return { content: [{ type: 'text', text: `booked for ${String(who.content?.name)}` }] }
    },
  )
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
  return { server, runs }
}

const ERAS = [
  { era: '2026-07-28', mode: { pin: '2026-07-28' } },
  { era: '2025-11-25', mode: 'legacy' },
] as const

async function connect(server: McpServer, mode: (typeof ERAS)[number]['mode'] | 'auto') {
  const listening = await serve(server, { port: 0 })
  running.push(listening)
  const client = new Client(
    { name: 'v2-client', version: '1.0.0' },
    { capabilities: { elicitation: {} }, versionNegotiation: { mode } },
  )
  clients.push(client)
  await client.connect(new StreamableHTTPClientTransport(new URL(listening.url)))
  return client
}

describe.each(ERAS)('the official v2 client in the $era era', ({ era, mode }) => {
  it('speaks the era it asked for: stateless in 2026, a session in 2025', async () => {
    const { server } = createServer()
    const client = await connect(server, mode)
    expect(client.getNegotiatedProtocolVersion()).toBe(era)
    expect(client.getServerVersion()).toMatchObject({ name: 'interop-v2', version: '1.0.0' })
    await client.listTools()
    expect(server.sessionCount).toBe(era === '2026-07-28' ? 0 : 1)
  })

  it('lists and calls tools', async () => {
    const client = await connect(createServer().server, mode)
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name)).toEqual(['add', 'book'])
    expect(tools[0]!.inputSchema).toMatchObject({ type: 'object', required: ['a', 'b'] })
    const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } })
    expect(result.content).toEqual([{ type: 'text', text: '5' }])
    const invalid = await client.callTool({ name: 'add', arguments: { a: 'two' } })
    expect(invalid.isError).toBe(true)
  })

  it('runs an elicitation round trip through the same handler, each question answered once', async () => {
    const { server, runs } = createServer()
    const client = await connect(server, mode)
    const asked: string[] = []
    client.setRequestHandler('elicitation/create', (request) => {
      asked.push(request.params.message)
      const content: Record<string, string | boolean> =
        asked.length === 1 ? { name: 'Ada' } : { ok: true }
      return { action: 'accept', content }
    })
    const result = await client.callTool({ name: 'book', arguments: {} })
    expect(result.content).toEqual([{ type: 'text', text: 'booked for Ada' }])
    expect(asked).toEqual(['Who is the table for?', 'Book for Ada?'])
    // In 2026 the handler ran three times (two input_required answers, then complete), yet its
    // side effect happened once; no session was opened for it.
    expect(runs.book).toBe(1)
    expect(server.sessionCount).toBe(era === '2026-07-28' ? 0 : 1)
  })

  it('reads resources and templates', async () => {
    const client = await connect(createServer().server, mode)
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
  })

  it('gets prompts', async () => {
    const client = await connect(createServer().server, mode)
    const { prompts } = await client.listPrompts()
    expect(prompts.map((prompt) => prompt.name)).toEqual(['greet'])
    const prompt = await client.getPrompt({ name: 'greet', arguments: { name: 'Ada' } })
    expect(prompt.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Hello Ada' } },
    ])
  })
})

describe('the official v2 client, era by era', () => {
  it('picks 2026-07-28 with versionNegotiation auto, since our server is dual-era', async () => {
    const client = await connect(createServer().server, 'auto')
    expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28')
  })

  it('gets list changes on its subscriptions/listen stream in 2026, and a graceful end on close', async () => {
    const { server } = createServer()
    const client = await connect(server, { pin: '2026-07-28' })
    let changes = 0
    client.setNotificationHandler('notifications/tools/list_changed', () => {
      changes += 1
    })
    const subscription = await client.listen({ toolsListChanged: true })
    expect(subscription.honoredFilter).toEqual({ toolsListChanged: true })
    server.tool('late', { description: 'Added later' }, () => ({ content: [] }))
    await until(() => changes === 1, 'the list change')
    await server.close()
    expect(await subscription.closed).toBe('graceful')
  })

  it('gets list changes on its GET stream in 2025', async () => {
    const { server } = createServer()
    const client = await connect(server, 'legacy')
    let changes = 0
    client.setNotificationHandler('notifications/tools/list_changed', () => {
      changes += 1
    })
    await until(() => server.sessionCount === 1, 'the session')
    // The client opens its GET stream on its own after initialize.
    await new Promise((resolve) => setTimeout(resolve, 100))
    server.tool('late', { description: 'Added later' }, () => ({ content: [] }))
    await until(() => changes === 1, 'the list change')
  })
})
