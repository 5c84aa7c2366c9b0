/**
 * The official v2 stateless entry, `createMcpHandler`, on Hono: a fresh McpServer per request,
 * 2026-07-28 requests on the modern path (2025-era requests fall back to its stateless legacy
 * leg). Host and Origin checks in front, as its documentation asks for a bare mount.
 *
 * Only `echo` is registered: with no sessions there is nothing for `broadcast` to reach.
 * @module
 */
import { serve } from '@hono/node-server'
import {
  createMcpHandler,
  hostHeaderValidationResponse,
  localhostAllowedHostnames,
  localhostAllowedOrigins,
  McpServer,
  originValidationResponse,
} from '@modelcontextprotocol/server'
import { Hono } from 'hono'
import { z } from 'zod'
import {
  announceReady,
  ECHO_DESCRIPTION,
  echoResult,
  HOSTNAME,
  portFromArgs,
  SERVER_INFO,
} from './common.js'

const handler = createMcpHandler(() => {
  const server = new McpServer(SERVER_INFO)
  server.registerTool(
    'echo',
    { description: ECHO_DESCRIPTION, inputSchema: z.object({ message: z.string() }) },
    ({ message }) => echoResult(message),
  )
  return server
})

const port = portFromArgs()
const app = new Hono()

app.all('/mcp', (c) => {
  const rejected =
    hostHeaderValidationResponse(c.req.raw, localhostAllowedHostnames()) ??
    originValidationResponse(c.req.raw, localhostAllowedOrigins())
  return rejected ?? handler.fetch(c.req.raw)
})

serve({ fetch: app.fetch, port, hostname: HOSTNAME }, () => {
  announceReady('SDK v2 createMcpHandler', port)
})
