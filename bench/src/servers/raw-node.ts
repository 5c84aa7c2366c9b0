/**
 * The ceiling on node:http: every POST is read to its end and answered with the same fixed
 * JSON-RPC result, with no parsing and no MCP. For the idle-stream scenarios it is also the
 * floor: a GET holds an SSE stream open, and `POST /broadcast?message=<m>` writes one
 * notifications/message to every open stream, with no sessions behind them.
 * @module
 */
import { createServer, type ServerResponse } from 'node:http'
import { announceReady, echoResult, HOSTNAME, portFromArgs } from './common.js'
import { ECHO_MESSAGE } from '../mcp/messages.js'

const body = Buffer.from(
  JSON.stringify({ jsonrpc: '2.0', id: 1, result: echoResult(ECHO_MESSAGE) }),
)
const port = portFromArgs()
const streams = new Set<ServerResponse>()

createServer((request, response) => {
  if (request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    response.flushHeaders()
    streams.add(response)
    response.on('close', () => streams.delete(response))
    return
  }
  if (request.method !== 'POST') {
    response.writeHead(405).end()
    return
  }
  request.resume()
  request.on('end', () => {
    if (request.url?.startsWith('/broadcast?') === true) {
      const message = new URL(request.url, `http://${HOSTNAME}`).searchParams.get('message') ?? ''
      const params = { level: 'info', data: message }
      const event = `event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/message', params })}\n\n`
      for (const stream of streams) stream.write(event)
      response.writeHead(200, { 'content-type': 'text/plain' }).end(String(streams.size))
      return
    }
    response
      .writeHead(200, { 'content-type': 'application/json', 'content-length': body.length })
      .end(body)
  })
}).listen(port, HOSTNAME, () => {
  announceReady('raw node:http', port)
})
