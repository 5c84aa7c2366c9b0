/**
 * JSON-RPC bodies the load generator sends and the parsing of what comes back, shared by every
 * contender so that each pays the same client-side cost.
 * @module
 */
import { parseSseBody } from '../sse/parser.js'

/** The revision the stateful scenarios negotiate (every contender speaks it). */
export const STREAMABLE_VERSION = '2025-11-25'
/** The revision of the HTTP+SSE transport. */
export const SSE_VERSION = '2024-11-05'
/** The stateless revision. */
export const STATELESS_VERSION = '2026-07-28'

/** Who the load generator says it is. */
export const CLIENT_INFO = { name: 'mcp-sse-bench', version: '0.0.0' } as const

/** The argument every `echo` call sends. */
export const ECHO_MESSAGE = 'hello from the benchmark'

/** A JSON-RPC message as far as the harness looks into it. */
export interface JsonRpcMessage {
  jsonrpc?: string
  id?: string | number | null
  method?: string
  params?: Record<string, unknown>
  result?: Record<string, unknown>
  error?: { code: number; message: string; data?: unknown }
}

/** A serialized JSON-RPC request. */
export function requestBody(id: number, method: string, params: Record<string, unknown>): string {
  return JSON.stringify({ jsonrpc: '2.0', id, method, params })
}

/** A serialized JSON-RPC notification. */
export function notificationBody(method: string, params?: Record<string, unknown>): string {
  return JSON.stringify(
    params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params },
  )
}

/** `initialize` params for a legacy (2024/2025) session. */
export function initializeParams(protocolVersion: string): Record<string, unknown> {
  return { protocolVersion, capabilities: {}, clientInfo: CLIENT_INFO }
}

/** The JSON-RPC messages in a response body, JSON (one message or a batch) or SSE. */
export function messagesOf(contentType: string, text: string): JsonRpcMessage[] {
  if (contentType.includes('text/event-stream')) {
    return parseSseBody(text)
      .filter((event) => event.event === 'message' && event.data !== '')
      .map((event) => JSON.parse(event.data) as JsonRpcMessage)
  }
  if (text === '') return []
  const parsed = JSON.parse(text) as JsonRpcMessage | JsonRpcMessage[]
  return Array.isArray(parsed) ? parsed : [parsed]
}

/**
 * The result of request `id` among `messages`. Throws, saying what arrived instead, when the
 * answer is an error or missing: a contender that answers wrongly must not look fast.
 */
export function resultFor(
  messages: JsonRpcMessage[],
  id: number,
  what: string,
): Record<string, unknown> {
  const reply = messages.find((message) => message.id === id && message.method === undefined)
  if (reply?.result !== undefined) return reply.result
  if (reply?.error !== undefined) {
    throw new Error(`${what} failed with ${reply.error.code}: ${reply.error.message}`)
  }
  const seen = JSON.stringify(messages).slice(0, 200)
  throw new Error(`${what}: no reply to request ${id} (got ${seen})`)
}

/** Throws unless `result` is the `echo` tool's text content with `message`. */
export function checkEcho(result: Record<string, unknown>, message: string): void {
  const content = result.content as Array<{ type?: string; text?: string }> | undefined
  const first = content?.[0]
  if (first?.type !== 'text' || first.text !== message || result.isError === true) {
    throw new Error(`echo answered ${JSON.stringify(result).slice(0, 200)}`)
  }
}
