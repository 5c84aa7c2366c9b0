/**
 * `@modelcontextprotocol/sdk` 1.x the way its documentation wires it on node:http: one McpServer
 * and one StreamableHTTPServerTransport per session at `/mcp` (stateful, `randomUUID` session
 * ids), and the deprecated SSEServerTransport at `/sse` + `/messages` for HTTP+SSE.
 * @module
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import {
  announceReady,
  BROADCAST_DESCRIPTION,
  ECHO_DESCRIPTION,
  echoResult,
  HOSTNAME,
  portFromArgs,
  readBody,
  sendJsonRpcError,
  SERVER_INFO,
} from './common.js'

/** Every connected session's server, for `broadcast`. */
const servers = new Set<McpServer>()
const streamable = new Map<string, StreamableHTTPServerTransport>()
// The deprecated transport is the point here: HTTP+SSE is what scenario 2 measures.
// eslint-disable-next-line @typescript-eslint/no-deprecated
const legacy = new Map<string, SSEServerTransport>()

function createMcpServer(): McpServer {
  const server = new McpServer(SERVER_INFO, { capabilities: { logging: {} } })
  server.registerTool(
    'echo',
    { description: ECHO_DESCRIPTION, inputSchema: { message: z.string() } },
    ({ message }) => echoResult(message),
  )
  server.registerTool(
    'broadcast',
    { description: BROADCAST_DESCRIPTION, inputSchema: { message: z.string() } },
    async ({ message }) => {
      const targets = [...servers]
      await Promise.all(
        targets.map((target) =>
          target.sendLoggingMessage({ level: 'info', data: message }).catch(() => undefined),
        ),
      )
      return echoResult(`sent to ${targets.length} sessions`)
    },
  )
  return server
}

const port = portFromArgs()

createServer((request, response) => {
  void route(request, response).catch((error: unknown) => {
    if (!response.headersSent) sendJsonRpcError(response, 500, -32603, String(error))
  })
}).listen(port, HOSTNAME, () => {
  announceReady('SDK 1.x', port)
})

async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', `http://${HOSTNAME}`)
  if (url.pathname === '/mcp') {
    await handleStreamable(request, response)
  } else if (url.pathname === '/sse' && request.method === 'GET') {
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const transport = new SSEServerTransport('/messages', response)
    const server = createMcpServer()
    legacy.set(transport.sessionId, transport)
    servers.add(server)
    response.on('close', () => {
      legacy.delete(transport.sessionId)
      servers.delete(server)
    })
    await server.connect(transport)
  } else if (url.pathname === '/messages' && request.method === 'POST') {
    const transport = legacy.get(url.searchParams.get('sessionId') ?? '')
    if (transport === undefined) {
      sendJsonRpcError(response, 404, -32001, 'Session not found')
      return
    }
    await transport.handlePostMessage(request, response)
  } else {
    response.writeHead(404).end()
  }
}

async function handleStreamable(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const header = request.headers['mcp-session-id']
  const sessionId = Array.isArray(header) ? header[0] : header
  let body: unknown
  if (request.method === 'POST') {
    try {
      body = JSON.parse(await readBody(request))
    } catch {
      sendJsonRpcError(response, 400, -32700, 'Parse error')
      return
    }
  }
  let transport = sessionId === undefined ? undefined : streamable.get(sessionId)
  if (transport === undefined) {
    if (sessionId !== undefined || !isInitializeRequest(body)) {
      sendJsonRpcError(response, sessionId === undefined ? 400 : 404, -32000, 'No valid session')
      return
    }
    const server = createMcpServer()
    const created = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        streamable.set(id, created)
      },
    })
    created.onclose = () => {
      if (created.sessionId !== undefined) streamable.delete(created.sessionId)
      servers.delete(server)
    }
    servers.add(server)
    await server.connect(created)
    transport = created
  }
  await transport.handleRequest(request, response, body)
}
