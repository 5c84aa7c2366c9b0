/**
 * The server side of `bench/run.ts`: the bench tools on node:http, plus `/__memory` (a GC, then
 * `process.memoryUsage()`), which only this benchmark serves. Run with `--expose-gc`.
 * @module
 */
import { parseArgs } from 'node:util'
import { Hono } from 'hono'
import { z } from 'zod'
import { McpServer } from '../src/mcp-server.js'
import { serve } from '../src/node/index.js'

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } })

const server = new McpServer({ name: 'bench', version: '0.0.0' }, { keepAliveMs: 15_000 })
server.tool(
  'echo',
  { description: 'echo', inputSchema: z.object({ message: z.string() }) },
  ({ message }) => ({
    content: [{ type: 'text', text: message }],
  }),
)
server.tool(
  'broadcast',
  { description: 'broadcast', inputSchema: z.object({ message: z.string() }) },
  async ({ message }) => {
    const started = performance.now()
    await server.broadcast('notifications/message', { level: 'info', data: message })
    const fanOutMs = performance.now() - started
    // Node flushes each corked response on the next tick: once an immediate runs, every write
    // has been handed to the kernel.
    await new Promise((resolve) => setImmediate(resolve))
    const flushedMs = performance.now() - started
    return {
      content: [
        {
          type: 'text',
          text: JSON.stringify({ sessions: server.sessionCount, fanOutMs, flushedMs }),
        },
      ],
    }
  },
)

const app = new Hono()
app.get('/__memory', (c) => {
  const collect = (globalThis as { gc?: () => void }).gc
  collect?.()
  collect?.()
  return c.json({ ...process.memoryUsage(), sessions: server.sessionCount })
})
app.route('/', server.app({ path: '/mcp' }))
await server.start()
const running = await serve(app, { port: Number(values.port) })
console.log(`memory-server ready on http://127.0.0.1:${running.port}`)
process.once('SIGTERM', () => {
  process.exit(0)
})
