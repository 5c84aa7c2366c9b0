/**
 * The official v2 server (`@modelcontextprotocol/server`) on Hono the way its packages document
 * it: `createMcpHonoApp()` (Host/Origin checks, JSON body parsing) and one McpServer with one
 * WebStandardStreamableHTTPServerTransport per session at `/mcp` (stateful, `randomUUID` ids).
 * @module
 */
import { randomUUID } from 'node:crypto'
import { serve } from '@hono/node-server'
import { createMcpHonoApp } from '@modelcontextprotocol/hono'
import {
  isInitializeRequest,
  McpServer,
  WebStandardStreamableHTTPServerTransport,
} from '@modelcontextprotocol/server'
import type { Hono } from 'hono'
import { z } from 'zod'
import {
  announceReady,
  BROADCAST_DESCRIPTION,
  ECHO_DESCRIPTION,
  echoResult,
  HOSTNAME,
  portFromArgs,
  SERVER_INFO,
} from './common.js'

/** Every connected session's server, for `broadcast`. */
const servers = new Set<McpServer>()
const transports = new Map<string, WebStandardStreamableHTTPServerTransport>()

function createMcpServer(): McpServer {
  const server = new McpServer(SERVER_INFO, { capabilities: { logging: {} } })
  server.registerTool(
    'echo',
    { description: ECHO_DESCRIPTION, inputSchema: z.object({ message: z.string() }) },
    ({ message }) => echoResult(message),
  )
  server.registerTool(
    'broadcast',
    { description: BROADCAST_DESCRIPTION, inputSchema: z.object({ message: z.string() }) },
    async ({ message }) => {
      const targets = [...servers]
      await Promise.all(
        targets.map((target) =>
          // Deprecated for the 2026 era only; this is the push path of a 2025 session.
          // eslint-disable-next-line @typescript-eslint/no-deprecated
          target.sendLoggingMessage({ level: 'info', data: message }).catch(() => undefined),
        ),
      )
      return echoResult(`sent to ${targets.length} sessions`)
    },
  )
  return server
}

const port = portFromArgs()
// createMcpHonoApp stores the parsed JSON body as `parsedBody` but types its app without Variables.
const app = createMcpHonoApp({ host: HOSTNAME }) as unknown as Hono<{
  Variables: { parsedBody?: unknown }
}>

app.all('/mcp', async (c) => {
  const sessionId = c.req.header('mcp-session-id')
  const parsedBody: unknown = c.get('parsedBody')
  let transport = sessionId === undefined ? undefined : transports.get(sessionId)
  if (transport === undefined) {
    if (sessionId !== undefined || c.req.method !== 'POST' || !isInitializeRequest(parsedBody)) {
      const error = {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32000, message: 'No valid session' },
      }
      return c.json(error, sessionId === undefined ? 400 : 404)
    }
    const server = createMcpServer()
    const created = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        transports.set(id, created)
      },
    })
    created.onclose = () => {
      if (created.sessionId !== undefined) transports.delete(created.sessionId)
      servers.delete(server)
    }
    servers.add(server)
    await server.connect(created)
    transport = created
  }
  return transport.handleRequest(c.req.raw, { parsedBody })
})

serve({ fetch: app.fetch, port, hostname: HOSTNAME }, () => {
  announceReady('SDK v2', port)
})
