/**
 * The ceiling on Hono and @hono/node-server: every POST body is read and answered with the same
 * fixed JSON-RPC result, with no parsing and no MCP.
 * @module
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { announceReady, echoResult, HOSTNAME, portFromArgs } from './common.js'
import { ECHO_MESSAGE } from '../mcp/messages.js'

const body = JSON.stringify({ jsonrpc: '2.0', id: 1, result: echoResult(ECHO_MESSAGE) })
const port = portFromArgs()
const app = new Hono()

app.post('*', async (c) => {
  await c.req.arrayBuffer()
  return c.body(body, 200, { 'content-type': 'application/json' })
})

serve({ fetch: app.fetch, port, hostname: HOSTNAME }, () => {
  announceReady('raw Hono', port)
})
