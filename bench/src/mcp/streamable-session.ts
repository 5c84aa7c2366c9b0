/**
 * A Streamable HTTP session as the load generator drives it: `initialize`, the `initialized`
 * notification, calls and the standalone GET stream. Answers may be JSON or SSE; both are read.
 * @module
 */
import { send, type Pool } from '../load/http.js'
import {
  checkEcho,
  initializeParams,
  messagesOf,
  notificationBody,
  requestBody,
  resultFor,
  STREAMABLE_VERSION,
} from './messages.js'

const ACCEPT = 'application/json, text/event-stream'

/** One stateful session on `path` (usually `/mcp`). */
export class StreamableSession {
  #pool: Pool
  #path: string
  #sessionId: string | undefined
  #headers: Record<string, string>
  #nextId = 1

  private constructor(pool: Pool, path: string, sessionId: string | undefined, version: string) {
    this.#pool = pool
    this.#path = path
    this.#sessionId = sessionId
    this.#headers = {
      'content-type': 'application/json',
      accept: ACCEPT,
      'mcp-protocol-version': version,
      ...(sessionId === undefined ? {} : { 'mcp-session-id': sessionId }),
    }
  }

  /** Initializes a session and sends `notifications/initialized`. */
  static async open(pool: Pool, path: string): Promise<StreamableSession> {
    const reply = await send(
      pool,
      'POST',
      path,
      { 'content-type': 'application/json', accept: ACCEPT },
      requestBody(0, 'initialize', initializeParams(STREAMABLE_VERSION)),
    )
    if (reply.status !== 200) {
      throw new Error(
        `initialize on POST ${path} answered ${reply.status}: ${reply.text.slice(0, 200)}`,
      )
    }
    const result = resultFor(messagesOf(reply.contentType, reply.text), 0, 'initialize')
    const version =
      typeof result.protocolVersion === 'string' ? result.protocolVersion : STREAMABLE_VERSION
    const session = new StreamableSession(pool, path, reply.sessionId, version)
    await session.notify('notifications/initialized')
    return session
  }

  /** The server-assigned session id (none for a server without sessions). */
  get sessionId(): string | undefined {
    return this.#sessionId
  }

  /** Sends a request and returns its result; throws on an HTTP or JSON-RPC error. */
  async request(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = this.#nextId++
    const reply = await send(
      this.#pool,
      'POST',
      this.#path,
      this.#headers,
      requestBody(id, method, params),
    )
    if (reply.status !== 200) {
      throw new Error(
        `${method} on POST ${this.#path} answered ${reply.status}: ${reply.text.slice(0, 200)}`,
      )
    }
    return resultFor(messagesOf(reply.contentType, reply.text), id, method)
  }

  /** Sends a notification; the server must accept it (202). */
  async notify(method: string, params?: Record<string, unknown>): Promise<void> {
    const reply = await send(
      this.#pool,
      'POST',
      this.#path,
      this.#headers,
      notificationBody(method, params),
    )
    if (reply.status !== 202 && reply.status !== 200) {
      throw new Error(
        `${method} on POST ${this.#path} answered ${reply.status}: ${reply.text.slice(0, 200)}`,
      )
    }
  }

  /** Calls `echo` and checks the answer. */
  async echo(message: string): Promise<void> {
    checkEcho(await this.request('tools/call', { name: 'echo', arguments: { message } }), message)
  }

  /** The headers a GET on this session carries (session id and protocol version). */
  streamHeaders(): Record<string, string> {
    const { 'content-type': _json, accept: _accept, ...headers } = this.#headers
    return headers
  }
}
