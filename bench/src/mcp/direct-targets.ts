/**
 * Targets without sessions: the raw ceiling (a fixed body to POST) and the stateless 2026-07-28
 * `tools/call` (every request carries its own `_meta`, and the routing headers).
 * @module
 */
import { send, type Pool } from '../load/http.js'
import {
  checkEcho,
  CLIENT_INFO,
  messagesOf,
  requestBody,
  resultFor,
  STATELESS_VERSION,
} from './messages.js'

/** POSTs an `echo` call with no session to a raw server and checks for a 200 JSON-RPC result. */
export async function rawEcho(pool: Pool, path: string, message: string): Promise<void> {
  const body = requestBody(1, 'tools/call', { name: 'echo', arguments: { message } })
  const reply = await send(pool, 'POST', path, { 'content-type': 'application/json' }, body)
  if (reply.status !== 200) throw new Error(`POST ${path} answered ${reply.status}`)
  // A fixed body answers every request, so the id is not checked here: only that it is a result.
  const [answer] = messagesOf(reply.contentType, reply.text)
  if (answer?.result === undefined)
    throw new Error(`POST ${path} answered ${reply.text.slice(0, 200)}`)
}

/** The headers and body of a stateless 2026-07-28 `tools/call`. */
export function statelessCall(
  id: number,
  name: string,
  args: Record<string, unknown>,
): { headers: Record<string, string>; body: string } {
  return {
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': STATELESS_VERSION,
      'mcp-method': 'tools/call',
      'mcp-name': name,
    },
    body: requestBody(id, 'tools/call', {
      _meta: {
        'io.modelcontextprotocol/protocolVersion': STATELESS_VERSION,
        'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
        'io.modelcontextprotocol/clientCapabilities': {},
      },
      name,
      arguments: args,
    }),
  }
}

let nextStatelessId = 1

/** One stateless `echo` call, checked. */
export async function statelessEcho(pool: Pool, path: string, message: string): Promise<void> {
  const id = nextStatelessId++
  const { headers, body } = statelessCall(id, 'echo', { message })
  const reply = await send(pool, 'POST', path, headers, body)
  if (reply.status !== 200) {
    throw new Error(
      `stateless tools/call on POST ${path} answered ${reply.status}: ${reply.text.slice(0, 200)}`,
    )
  }
  checkEcho(
    resultFor(messagesOf(reply.contentType, reply.text), id, 'stateless tools/call'),
    message,
  )
}
