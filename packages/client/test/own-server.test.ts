/**
 * Our client against our own server: in-process through the `fetch` option (SSE included, no
 * ports), and over real sockets, on both wires.
 */
import { McpServer } from '@mcp-sse/server'
import { serve, type RunningServer } from '@mcp-sse/server/node'
import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { connect, type McpClient, type ToolEvent } from '../src/index.js'

function buildServer(): McpServer {
  const server = new McpServer({ name: 'own', version: '1.0.0' })
  server.tool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
    content: [{ type: 'text', text }],
  }))
  server.tool('steps', { inputSchema: z.object({ n: z.number() }) }, async ({ n }, ctx) => {
    for (let step = 1; step <= n; step++) {
      await ctx.progress(step, n)
      await ctx.log('info', `step ${step}`)
    }
    return { content: [{ type: 'text', text: `${n} steps` }] }
  })
  server.tool('ask', { inputSchema: z.object({}) }, async (_args, ctx) => {
    const answer = await ctx.elicit({
      message: 'Name?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string', default: 'Ada' } } },
    })
    return { content: [{ type: 'text', text: JSON.stringify(answer.content) }] }
  })
  return server
}

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

function track(client: McpClient): McpClient {
  cleanup.push(() => client.close())
  return client
}

function text(result: { content: unknown[] }): string {
  return result.content.map((block) => (block as { text?: string }).text ?? '').join('')
}

async function exercise(client: McpClient) {
  const { tools } = await client.listTools()
  expect(tools.map((tool) => tool.name).sort()).toEqual(['ask', 'echo', 'steps'])
  expect(text(await client.callTool('echo', { text: 'hi' }))).toBe('hi')
  const events: ToolEvent[] = []
  for await (const event of client.streamTool('steps', { n: 2 })) events.push(event)
  // HTTP+SSE carries everything on one stream, so a log cannot be tied to the call that caused it.
  expect(events.map((event) => event.type)).toEqual(
    client.transport === 'sse'
      ? ['progress', 'progress', 'result']
      : ['progress', 'log', 'progress', 'log', 'result'],
  )
  expect(text(await client.callTool('ask', {}))).toBe('{"name":"Ada"}')
}

// These tests are about the 2025 session (ids, re-initialisation); the 2026 era is in
// test/eras.test.ts.
const accept = {
  onElicitation: () => ({ action: 'accept' as const, content: {} }),
  memory: false as const,
  era: 'legacy' as const,
}

describe('against @mcp-sse/server', () => {
  it('works in-process through the fetch option, SSE streams included', async () => {
    const server = buildServer()
    const app = new Hono().route('/', server.app({ path: '/mcp' }))
    cleanup.push(() => server.close())
    const client = track(
      await connect('http://localhost/mcp', {
        ...accept,
        fetch: (input, init) => app.request(input, init),
      }),
    )
    expect(client.transport).toBe('streamable-http')
    await exercise(client)
  })

  it('works over a real socket with Streamable HTTP', async () => {
    const running: RunningServer = await serve(buildServer(), { port: 0 })
    cleanup.push(() => running.close())
    const client = track(await connect(running.url, accept))
    expect(client.sessionId).toBeDefined()
    await exercise(client)
  })

  it('works over a real socket with HTTP+SSE, found by detection', async () => {
    const running: RunningServer = await serve(buildServer(), { port: 0 })
    cleanup.push(() => running.close())
    const client = track(await connect(running.url.replace(/\/mcp$/, '/sse'), accept))
    expect(client.transport).toBe('sse')
    await exercise(client)
  })

  it('delivers resource updates and list changes on the listening stream', async () => {
    const server = buildServer()
    server.resource('test://weather', { mimeType: 'text/plain' }, (uri) => ({
      contents: [{ uri, text: 'sunny' }],
    }))
    const running: RunningServer = await serve(server, { port: 0 })
    cleanup.push(() => running.close())
    const client = track(await connect(running.url, accept))
    const updated = new Promise<string>((resolve) => {
      client.onNotification('notifications/resources/updated', ({ uri }) => {
        resolve(uri)
      })
    })
    const changed = new Promise<void>((resolve) => {
      client.onNotification('notifications/tools/list_changed', () => {
        resolve()
      })
    })
    await client.subscribeResource('test://weather')
    server.resourceUpdated('test://weather')
    expect(await updated).toBe('test://weather')
    expect((await client.readResource('test://weather')).contents).toEqual([
      { uri: 'test://weather', text: 'sunny' },
    ])
    server.tool('late', { inputSchema: z.object({}) }, () => ({ content: [] }))
    await changed
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('late')
  })

  it('restores subscriptions when it re-initialises after a server restart', async () => {
    const weather = (server: McpServer) =>
      server.resource('test://weather', {}, (uri) => ({ contents: [{ uri, text: 'sunny' }] }))
    const first = buildServer()
    weather(first)
    const running = await serve(first, { port: 0 })
    const client = track(await connect(running.url, { ...accept, reconnect: { initialDelay: 20 } }))
    await client.subscribeResource('test://weather')
    const ready = new Promise<void>((resolve) => {
      client.onStateChange((state) => {
        if (state === 'ready') resolve()
      })
    })
    await running.close()
    const second = buildServer()
    weather(second)
    const again = await serve(second, { port: running.port })
    cleanup.push(() => again.close())
    await ready
    const updated = new Promise<string>((resolve) => {
      client.onNotification('notifications/resources/updated', ({ uri }) => {
        resolve(uri)
      })
    })
    second.resourceUpdated('test://weather')
    expect(await updated).toBe('test://weather')
  })
})
