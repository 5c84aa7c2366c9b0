/**
 * Test helper: a 2026-07-28 client in a few lines, over a Hono app in-process or a real URL.
 * Every request carries the `_meta` and the routing headers a conforming client sends.
 */
import type { Hono } from 'hono'
import { readEvents, type Message } from './harness.js'

/** What the helper sends a request through: `app.request` or `fetch`. */
export type Send = (init: { headers: Record<string, string>; body: string }) => Promise<Response>

/** Sends through a Hono app in-process. */
export function viaApp(app: Hono, url = 'http://localhost/'): Send {
  return ({ headers, body }) =>
    app.request(url, { method: 'POST', headers, body }) as Promise<Response>
}

/** Sends over the network. */
export function viaFetch(url: string): Send {
  return ({ headers, body }) => fetch(url, { method: 'POST', headers, body })
}

/** The reply to one request: status, every message (notifications first), the response. */
export interface ModernReply {
  status: number
  contentType: string | null
  messages: Message[]
  response: Message
}

/** Options of one request. */
export interface ModernRequestOptions {
  /** Client capabilities declared on this request. @default the client's */
  capabilities?: Record<string, unknown>
  /** Extra `_meta` keys (a log level, a progress token). */
  meta?: Record<string, unknown>
  /** Extra headers (`mcp-session-id`, say). */
  headers?: Record<string, string>
}

/** A minimal 2026-07-28 client. */
export class ModernTestClient {
  readonly #send: Send
  readonly capabilities: Record<string, unknown>
  #nextId = 1

  constructor(send: Send, capabilities: Record<string, unknown> = {}) {
    this.#send = send
    this.capabilities = capabilities
  }

  /** Sends one request and reads its whole reply (JSON, or SSE until the response). */
  async request(
    method: string,
    params: Record<string, unknown> = {},
    options: ModernRequestOptions = {},
  ): Promise<ModernReply> {
    const response = await this.open(method, params, options)
    const contentType = response.headers.get('content-type')
    if (contentType?.startsWith('text/event-stream') === true) {
      const events = await readEvents(response, (event) => {
        const message = JSON.parse(event.data) as Message
        return !('method' in message)
      })
      const messages = events.map((event) => JSON.parse(event.data) as Message)
      return { status: response.status, contentType, messages, response: messages.at(-1)! }
    }
    const message = (await response.json()) as Message
    return { status: response.status, contentType, messages: [message], response: message }
  }

  /** Sends one request and returns the raw HTTP response (for streams). */
  open(
    method: string,
    params: Record<string, unknown> = {},
    options: ModernRequestOptions = {},
  ): Promise<Response> {
    const id = this.#nextId++
    const meta = {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientInfo': { name: 'modern-test-client', version: '1.0.0' },
      'io.modelcontextprotocol/clientCapabilities': options.capabilities ?? this.capabilities,
      ...options.meta,
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': method,
      ...options.headers,
    }
    const name = method === 'resources/read' ? params.uri : params.name
    if (
      ['tools/call', 'prompts/get', 'resources/read'].includes(method) &&
      typeof name === 'string'
    )
      headers['mcp-name'] = name
    const body = JSON.stringify({ jsonrpc: '2.0', id, method, params: { ...params, _meta: meta } })
    return this.#send({ headers, body })
  }

  /** Sends a request and returns its result; throws with the error's code on a JSON-RPC error. */
  async call(
    method: string,
    params: Record<string, unknown> = {},
    options: ModernRequestOptions = {},
  ): Promise<Message> {
    const { response } = await this.request(method, params, options)
    if ('error' in response) {
      throw Object.assign(new Error(String(response.error.message)), {
        code: response.error.code,
        data: response.error.data,
      })
    }
    return response.result as Message
  }
}
