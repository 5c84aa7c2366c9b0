/**
 * The server `pnpm bench` measures: `echo {message}` answers with its message as text;
 * `broadcast {message}` sends it as `notifications/message` to every open session.
 * @module
 */
import { McpServer, type McpServerOptions } from '@mcp-sse/server'
import { z } from 'zod'

/**
 * Builds the bench server.
 *
 * @example
 * ```ts
 * await serve(createBenchServer(), { port: 3002 })
 * ```
 */
export function createBenchServer(options: McpServerOptions = {}): McpServer {
  const server = new McpServer({ name: 'bench-server', version: '0.0.0' }, options)
  server.tool(
    'echo',
    {
      description: 'Returns its message as text content.',
      inputSchema: z.object({ message: z.string() }),
    },
    ({ message }) => ({ content: [{ type: 'text', text: message }] }),
  )
  server.tool(
    'broadcast',
    {
      description: 'Sends its message as notifications/message to every open session.',
      inputSchema: z.object({ message: z.string() }),
    },
    async ({ message }) => {
      const sessions = server.sessionCount
      await server.broadcast('notifications/message', { level: 'info', data: message })
      return { content: [{ type: 'text', text: `sent to ${sessions} sessions` }] }
    },
  )
  return server
}
