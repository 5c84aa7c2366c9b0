/**
 * The peer engine: one per connection, transport-neutral, run by both the server and the client.
 * @module
 */
import { LocalError } from '../errors/local-error.js'
import { describeZodError } from '../errors/zod-issues.js'
import { inspectMessage, isJsonObject, isRequestId } from '../jsonrpc/inspect.js'
import type {
  JSONRPCNotification,
  JSONRPCRequest,
  JSONRPCResponse,
  RequestId,
} from '../jsonrpc/messages.js'
import { readMeta } from './context.js'
import { closedError } from './errors.js'
import { IncomingRequests } from './incoming.js'
import { OutgoingRequests } from './outgoing.js'
import { lookup, resultSchemaOf, tablesFor, type SideTables } from './tables.js'
import type {
  MessageParams,
  MessageResult,
  MessageRoute,
  NotificationHandler,
  NotifyOptions,
  PeerMethodTable,
  PeerOptions,
  PeerSide,
  RequestHandler,
  RequestOptions,
  SharedHandlers,
} from './types.js'

/** `receive()`'s second argument: optional only when `Extra` allows `undefined`. */
type ExtraArgument<Extra> = undefined extends Extra ? [extra?: Extra] : [extra: Extra]

/**
 * One end of an MCP connection, independent of the transport: the transport hands it every
 * incoming message with `receive()` and writes every outgoing one in `send()`.
 *
 * It numbers and tracks requests, matches responses in any order, runs timeouts, progress and
 * cancellation both ways, validates what arrives against the negotiated revision's method table,
 * and answers with the right JSON-RPC error. Nothing from the network makes it throw.
 *
 * `Extra` is what the transport passes along with each message (session, authentication, the
 * HTTP request); handlers find it in `context.extra`.
 *
 * @example
 * ```ts
 * const peer = new Peer({ send: (message, route) => transport.write(message, route) })
 * peer.setRequestHandler('tools/call', async (params, context) => {
 *   await context.sendProgress({ progress: 1, total: 2 })
 *   return { content: [{ type: 'text', text: 'done' }] }
 * })
 * const result = await peer.request('tools/call', { name: 'echo' }, { timeout: 10_000, onProgress })
 * ```
 */
export class Peer<Extra = undefined> {
  readonly #send: PeerOptions<Extra>['send']
  readonly #onError: PeerOptions<Extra>['onError']
  readonly #onUnhandledNotification: PeerOptions<Extra>['onUnhandledNotification']
  readonly #requestHandlers: Map<string, RequestHandler<Extra>>
  readonly #notificationHandlers: Map<string, NotificationHandler<Extra>>
  readonly #shared: SharedHandlers<Extra>
  readonly #outgoing: OutgoingRequests
  readonly #incoming: IncomingRequests<Extra>
  #tables: SideTables | undefined
  #side: PeerSide | undefined
  #closed = false
  #closeReason: string | undefined

  constructor(options: PeerOptions<Extra>) {
    this.#send = options.send
    this.#onError = options.onError
    this.#onUnhandledNotification = options.onUnhandledNotification
    this.#requestHandlers = new Map()
    this.#notificationHandlers = new Map()
    this.#shared = options.sharedHandlers ?? {}
    this.setMethods(options.methods, options.side)
    const reportError = (error: unknown) => {
      this.#reportError(error)
    }
    this.#outgoing = new OutgoingRequests({
      send: this.#send,
      reportError,
      defaultTimeout: options.defaultTimeout ?? 60_000,
      notifyCancellation: options.notifyCancellation ?? true,
      resultSchema: (method, params) =>
        this.#tables === undefined ? undefined : resultSchemaOf(this.#tables, method, params),
      nextRequestId: options.nextRequestId,
    })
    this.#incoming = new IncomingRequests<Extra>({
      send: this.#send,
      reportError,
      notify: (method, params, notifyOptions) => this.notify(method, params, notifyOptions),
      request: (method, params, requestOptions) => this.request(method, params, requestOptions),
    })
  }

  /**
   * Whether the peer has nothing in flight: no request waits for a response and no handler runs.
   * A transport may then drop the peer and create a new one when work arrives.
   */
  get idle(): boolean {
    return this.#outgoing.size === 0 && this.#incoming.size === 0
  }

  /** Whether `close()` was called. */
  get closed(): boolean {
    return this.#closed
  }

  /**
   * Sets the method table to validate with, as when a revision was negotiated after the peer was
   * created; `undefined` turns validation off.
   * @throws TypeError when a table is given and the side is not known.
   */
  setMethods(methods: PeerMethodTable | undefined, side: PeerSide | undefined = this.#side): void {
    if (methods !== undefined && side === undefined) {
      throw new TypeError('A peer needs to know its side (client or server) to use a method table')
    }
    this.#tables =
      methods === undefined || side === undefined ? undefined : tablesFor(methods, side)
    this.#side = side
  }

  /** Handles requests for a method, replacing any previous handler. */
  setRequestHandler(method: string, handler: RequestHandler<Extra>): void {
    this.#requestHandlers.set(method, handler)
  }

  /**
   * Removes this peer's handler for a method: its requests go to the shared handler, if there is
   * one, and otherwise get `-32601 Method not found`.
   */
  removeRequestHandler(method: string): void {
    this.#requestHandlers.delete(method)
  }

  /**
   * Handles notifications for a method, replacing any previous handler. The peer itself acts on
   * `notifications/cancelled` and `notifications/progress`; a handler for them is called after.
   */
  setNotificationHandler(method: string, handler: NotificationHandler<Extra>): void {
    this.#notificationHandlers.set(method, handler)
  }

  /** Stops handling a notification method. */
  removeNotificationHandler(method: string): void {
    this.#notificationHandlers.delete(method)
  }

  /**
   * Sends a request and resolves with its result, validated with `options.resultSchema` or the
   * method table. Rejects with an `McpError` when the peer answers with an error, and with a
   * `LocalError` on timeout (`timeout`), abort (`aborted`), close (`closed`) or an invalid result
   * (`protocol`).
   */
  request<Result = MessageResult>(
    method: string,
    params?: MessageParams,
    options: RequestOptions<Result> = {},
  ): Promise<Result> {
    if (this.#closed) return Promise.reject(this.#closedError(method))
    return this.#outgoing.request(method, params, options) as Promise<Result>
  }

  /** Sends a notification; resolves once the transport took it. */
  async notify(method: string, params?: MessageParams, options: NotifyOptions = {}): Promise<void> {
    if (this.#closed) throw this.#closedError(method)
    const message: JSONRPCNotification =
      params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params }
    const route: MessageRoute = {}
    if (options.relatedRequestId !== undefined) route.relatedRequestId = options.relatedRequestId
    await this.#send(message, route)
  }

  /**
   * Handles one incoming message: runs the handler of a request and sends its response, runs the
   * handler of a notification, or settles the request a response answers. Never throws: what is
   * wrong is answered with a JSON-RPC error or reported through `onError`. Messages that arrive
   * after `close()` are ignored.
   */
  receive(message: unknown, ...[extra]: ExtraArgument<Extra>): void {
    if (this.#closed) return
    try {
      this.#dispatch(message, extra as Extra)
    } catch (error) {
      this.#reportError(error)
    }
  }

  /**
   * Aborts the handler of an incoming request, as when its HTTP stream closed (2026-07-28 treats
   * that as cancellation). Its `context.signal` aborts and no response is sent.
   */
  abort(requestId: RequestId, reason?: string): void {
    this.#incoming.abort(requestId, reason)
  }

  /**
   * Closes the peer: rejects every pending request with a `LocalError` of type `closed`, aborts
   * every running handler and drops its response. Later requests and notifications reject with
   * the same error; each message names `reason`, when given.
   */
  close(reason?: string): void {
    if (this.#closed) return
    this.#closed = true
    this.#closeReason = reason
    this.#outgoing.closeAll(reason)
    this.#incoming.closeAll(reason)
  }

  #dispatch(message: unknown, extra: Extra): void {
    const kind = inspectMessage(message)
    if (typeof kind !== 'string') {
      this.#incoming.rejectInvalid(message, kind.problem)
      return
    }
    switch (kind) {
      case 'request': {
        const request = message as JSONRPCRequest
        const { method } = request
        const schemas = this.#tables && lookup(this.#tables.incomingRequests, method)
        const handler = this.#requestHandlers.get(method) ?? this.#shared.requests?.get(method)
        this.#incoming.handle(request, handler, schemas?.params, extra)
        return
      }
      case 'notification':
        this.#handleNotification(message as JSONRPCNotification, extra)
        return
      default:
        this.#outgoing.receiveResponse(message as JSONRPCResponse, kind === 'error')
    }
  }

  #handleNotification(notification: JSONRPCNotification, extra: Extra): void {
    const { method } = notification
    const raw = notification.params
    if (method === 'notifications/cancelled') {
      // Malformed cancellations are ignored, and `initialize` may not be cancelled.
      const id = raw?.requestId
      if (isRequestId(id) && this.#incoming.methodOf(id) !== 'initialize') {
        this.#incoming.abort(id, typeof raw?.reason === 'string' ? raw.reason : undefined)
      }
    } else if (method === 'notifications/progress' && raw !== undefined) {
      this.#outgoing.receiveProgress(raw)
    }
    const handler =
      this.#notificationHandlers.get(method) ?? this.#shared.notifications?.get(method)
    if (handler === undefined) {
      if (method !== 'notifications/cancelled' && method !== 'notifications/progress') {
        this.#onUnhandledNotification?.(notification, extra)
      }
      return
    }
    let params: unknown = raw
    const schema = this.#tables && lookup(this.#tables.incomingNotifications, method)
    if (schema !== undefined) {
      const parsed = schema.safeParse(raw)
      if (!parsed.success) {
        const problem = `Invalid params for ${method}: ${describeZodError(parsed.error)}`
        this.#reportError(new LocalError('protocol', problem, { method, cause: parsed.error }))
        return
      }
      params = parsed.data
    }
    const input = (isJsonObject(params) ? params : {}) as MessageParams
    const context = { method, meta: readMeta(raw), extra }
    void (async () => {
      try {
        await handler(input, context)
      } catch (error) {
        this.#reportError(error)
      }
    })()
  }

  #closedError(method: string): LocalError {
    return closedError(method, this.#closeReason)
  }

  #reportError(error: unknown): void {
    if (this.#onError === undefined) return
    try {
      this.#onError(error instanceof Error ? error : new Error(String(error)))
    } catch {
      // An onError that throws must not make receive() throw.
    }
  }
}
