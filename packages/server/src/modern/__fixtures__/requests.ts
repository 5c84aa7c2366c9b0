/**
 * Builds 2026-07-28 requests as a conforming client sends them, and reads their replies, for
 * the dispatcher tests.
 * @module
 */
import type { ModernHttpRequest } from '../dispatcher.js'
import { SseReader } from './sse.js'

/** The `_meta` a conforming client puts on every request. */
export function clientMeta(capabilities: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientInfo': { name: 'test-client', version: '1.0.0' },
    'io.modelcontextprotocol/clientCapabilities': capabilities,
  }
}

/** Options of {@link modernRequest}. */
export interface RequestOptions {
  id?: string | number
  capabilities?: Record<string, unknown>
  /** Merged over the client `_meta`. */
  meta?: Record<string, unknown>
  /** Merged over the standard headers; `null` removes one. */
  headers?: Record<string, string | null>
  identity?: string
  signal?: AbortSignal
}

let nextId = 1

/** A request with its `_meta` and the headers that mirror it. */
export function modernRequest(
  method: string,
  params: Record<string, unknown> = {},
  options: RequestOptions = {},
): ModernHttpRequest {
  const id = options.id ?? nextId++
  const body = {
    jsonrpc: '2.0',
    id,
    method,
    params: { ...params, _meta: { ...clientMeta(options.capabilities), ...options.meta } },
  }
  const headers = new Headers({ 'MCP-Protocol-Version': '2026-07-28', 'Mcp-Method': method })
  const name = method === 'resources/read' ? params.uri : params.name
  if (
    ['tools/call', 'prompts/get', 'resources/read'].includes(method) &&
    typeof name === 'string'
  ) {
    headers.set('Mcp-Name', name)
  }
  for (const [key, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(key)
    else headers.set(key, value)
  }
  return { message: body, headers, identity: options.identity, signal: options.signal }
}

/** A reply: its status, content type, and every JSON-RPC message in it (the last is the response). */
export interface Reply {
  status: number
  type: string | null
  messages: Record<string, unknown>[]
  /** The last message: the response. */
  last: Record<string, unknown>
}

/** Reads a whole reply, JSON or SSE. */
export async function readReply(response: Response): Promise<Reply> {
  const type = response.headers.get('content-type')
  let messages: Record<string, unknown>[] = []
  if (type === 'text/event-stream') {
    messages = (await new SseReader(response).rest()) as Record<string, unknown>[]
  } else if (response.status !== 202) {
    messages = [(await response.json()) as Record<string, unknown>]
  }
  return { status: response.status, type, messages, last: messages.at(-1) ?? {} }
}
