/**
 * The real `@mcp-sse/client` with `nodeFetch`, against the real `@mcp-sse/server` over a socket:
 * JSON and SSE answers, progress, a streamed tool, server push on the standalone stream.
 */
import { connect, LocalError, type McpClient, type Progress, type ToolEvent } from '@mcp-sse/client'
import { McpServer } from '@mcp-sse/server'
import { serve, type RunningServer } from '@mcp-sse/server/node'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { startServer } from '../src/__fixtures__/server.js'
import { nodeFetch } from '../src/index.js'

function buildServer(): McpServer {
  const server = new McpServer({ name: 'node-fetch-test', version: '1.0.0' })
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
  return server
}

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function start(server: McpServer): Promise<RunningServer> {
  const running = await serve(server, { port: 0 })
  cleanup.push(() => running.close())
  return running
}

function text(result: { content: unknown[] }): string {
  return result.content.map((block) => (block as { text?: string }).text ?? '').join('')
}

describe('@mcp-sse/client with nodeFetch, against @mcp-sse/server over a socket', () => {
  it('lists, calls with progress, streams a tool, receives pushes and closes', async () => {
    const server = buildServer()
    const running = await start(server)
    const client: McpClient = await connect(running.url, {
      fetch: nodeFetch,
      era: 'legacy',
      memory: false,
    })
    let open = true
    cleanup.push(async () => {
      if (open) await client.close()
    })
    expect(client.transport).toBe('streamable-http')
    expect(client.sessionId).toBeDefined()

    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name).sort()).toEqual(['echo', 'steps'])
    expect(text(await client.callTool('echo', { text: 'hi' }))).toBe('hi')

    const progress: Progress[] = []
    const result = await client.callTool(
      'steps',
      { n: 3 },
      { onProgress: (update) => progress.push(update) },
    )
    expect(text(result)).toBe('3 steps')
    expect(progress.map((update) => update.progress)).toEqual([1, 2, 3])

    const events: ToolEvent[] = []
    for await (const event of client.streamTool('steps', { n: 2 })) events.push(event)
    expect(events.map((event) => event.type)).toEqual([
      'progress',
      'log',
      'progress',
      'log',
      'result',
    ])

    const changed = new Promise<void>((resolve) => {
      client.onNotification('notifications/tools/list_changed', () => {
        resolve()
      })
    })
    server.tool('late', { inputSchema: z.object({}) }, () => ({ content: [] }))
    await changed
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('late')

    await client.close()
    open = false
    expect(client.state).toBe('closed')
  })

  it('negotiates the era on its own too (auto), and answers many calls in flight', async () => {
    const running = await start(buildServer())
    const client = await connect(running.url, { fetch: nodeFetch, memory: false })
    cleanup.push(() => client.close())
    const answers = await Promise.all(
      Array.from({ length: 32 }, (_, index) => client.callTool('echo', { text: String(index) })),
    )
    expect(answers.map(text)).toEqual(Array.from({ length: 32 }, (_, index) => String(index)))
  })

  it("turns a refused connection into the client's network error", async () => {
    const server = await startServer((_request, response) => {
      response.end()
    })
    const url = `${server.origin}/mcp`
    await server.close()
    const error = await connect(url, { fetch: nodeFetch, retry: 0, memory: false }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(LocalError)
    expect((error as LocalError).type).toBe('network')
    expect((error as LocalError).message).toContain('ECONNREFUSED')
  })
})
