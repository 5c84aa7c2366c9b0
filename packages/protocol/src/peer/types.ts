/**
 * The options and callbacks of the peer engine. The options types are its documentation.
 * @module
 */
import type { ZodType } from 'zod'
import type { JSONRPCMessage, JSONRPCNotification, RequestId } from '../jsonrpc/messages.js'

/** Which end of the connection a peer is. */
export type PeerSide = 'client' | 'server'

/** The `params` of a request or notification. */
export type MessageParams = Record<string, unknown>

/** The `result` of a response. */
export type MessageResult = Record<string, unknown>

/**
 * The method table a peer validates with: structurally a revision's `MethodTable`, so
 * `revision('2025-11-25').methods` fits.
 */
export interface PeerMethodTable {
  /** Requests a client sends. `params` receives `undefined` when a request has no params. */
  readonly clientRequests: Readonly<Record<string, PeerRequestSchemas>>
  /** Requests a server sends. */
  readonly serverRequests: Readonly<Record<string, PeerRequestSchemas>>
  /** Notifications a client sends, mapped to the schema of their params. */
  readonly clientNotifications: Readonly<Record<string, ZodType>>
  /** Notifications a server sends, mapped to the schema of their params. */
  readonly serverNotifications: Readonly<Record<string, ZodType>>
}

/** The schemas of one request method. */
export interface PeerRequestSchemas {
  /** The request's `params`; receives `undefined` when the request has none. */
  readonly params: ZodType
  /** The result of an ordinary call. */
  readonly result: ZodType
  /** The result when the request ran as a task (`params.task` was set). */
  readonly taskResult?: ZodType | undefined
}

/** Where a message belongs, for transports that have more than one stream. */
export interface MessageRoute {
  /**
   * The incoming request this message belongs to: the request a response answers, or the request
   * whose handler sent this notification or request. An HTTP transport writes the message to
   * that request's response stream.
   */
  relatedRequestId?: RequestId
  /**
   * Set for an outgoing request: aborted when the peer stops waiting for the response (the
   * caller aborted, the request timed out, the peer closed). A transport that runs one HTTP
   * request per message aborts it, which 2026-07-28 treats as cancellation.
   */
  signal?: AbortSignal
}

/** Progress of a long-running request. */
export interface Progress {
  /** The progress so far; it must increase with each notification. */
  progress: number
  /** The total, if known. */
  total?: number
  /** A human-readable description of the current step. */
  message?: string
}

/** Options for a {@link Peer}. */
export interface PeerOptions<Extra = undefined> {
  /**
   * Hands a message to the transport. For a request, throwing or rejecting fails that request
   * with the error; an HTTP transport rejects when the request's stream ends without a response.
   */
  send: (message: JSONRPCMessage, route: MessageRoute) => void | Promise<void>
  /**
   * Which end of the connection this peer is: it picks which half of `methods` applies to what
   * arrives and which to what goes out. Required with `methods`.
   * @default unknown, which is allowed only without `methods`
   */
  side?: PeerSide
  /**
   * The method table of the negotiated revision. Incoming params and results of outgoing
   * requests are validated with it; without it nothing is validated. Set it later with
   * `setMethods()` when the revision is negotiated after the peer exists.
   * @default no table: nothing is validated
   */
  methods?: PeerMethodTable
  /**
   * How long a request waits for its response, in milliseconds.
   * @default 60_000
   */
  defaultTimeout?: number
  /**
   * Whether aborting or timing out a request sends `notifications/cancelled`. Turn it off when
   * the transport signals cancellation itself, as 2026-07-28 Streamable HTTP does by closing the
   * request's stream (see {@link MessageRoute.signal}).
   * @default true
   */
  notifyCancellation?: boolean
  /**
   * Called for what goes wrong outside any caller's reach: a response to an unknown id, a
   * malformed message that cannot be answered, a handler that throws something other than an
   * `McpError` (logged here, sent as `-32603 Internal error`), a handler error after close, a
   * failing `send` of a response.
   * @default nothing: such errors are dropped
   */
  onError?: (error: Error) => void
  /**
   * Called for a notification with no handler (`notifications/cancelled` and
   * `notifications/progress`, which the peer handles itself, excepted).
   * @default nothing: such notifications are dropped
   */
  onUnhandledNotification?: (notification: JSONRPCNotification, extra: Extra) => void
  /**
   * Gives the id of each request this peer sends. A transport that re-creates a connection's
   * peer (to keep idle sessions small) passes a counter that outlives the peer, so no id is ever
   * used twice in one session.
   * @default a counter from 1 that lives with the peer
   */
  nextRequestId?: () => number
  /**
   * Handlers shared by many peers, e.g. one table for every session of a server, so each peer
   * does not hold its own copy. `setRequestHandler()` and `setNotificationHandler()` on a peer
   * take precedence over these.
   * @default none: each peer has only its own handlers
   */
  sharedHandlers?: SharedHandlers<Extra>
}

/** Request and notification handlers that several peers share. */
export interface SharedHandlers<Extra = undefined> {
  /**
   * Request handlers by method. A map, not an object, so a method name from the network can
   * never reach a property every object has.
   * @default none
   */
  readonly requests?: ReadonlyMap<string, RequestHandler<Extra>>
  /**
   * Notification handlers by method.
   * @default none
   */
  readonly notifications?: ReadonlyMap<string, NotificationHandler<Extra>>
}

/** Options for one request. */
export interface RequestOptions<Result = MessageResult> {
  /**
   * Aborts the request: it rejects with a `LocalError` of type `aborted` and the peer is told
   * (see `PeerOptions.notifyCancellation`).
   * @default not abortable, except by the timeouts and `close()`
   */
  signal?: AbortSignal
  /**
   * How long to wait for the response, in milliseconds; `Infinity` waits forever.
   * @default the peer's `defaultTimeout` (60 000)
   */
  timeout?: number
  /**
   * Whether a progress notification for this request restarts the timeout.
   * @default true
   */
  resetTimeoutOnProgress?: boolean
  /**
   * The longest the request may take in total, progress or not, in milliseconds.
   * @default no limit
   */
  maxTotalTimeout?: number
  /**
   * Receives the request's progress notifications; setting it asks the peer for them (it sets
   * `params._meta.progressToken` to the request's id).
   * @default no progress is asked for
   */
  onProgress?: (progress: Progress) => void
  /**
   * The incoming request this request is made on behalf of (see {@link MessageRoute}).
   * @default none: the request belongs to no incoming request
   */
  relatedRequestId?: RequestId
  /**
   * Validates the result instead of the method table's schema.
   * @default the method table's result schema, if the peer has a table and knows the method
   */
  resultSchema?: ZodType<Result>
}

/** Options for one notification. */
export interface NotifyOptions {
  /**
   * The incoming request this notification belongs to (see {@link MessageRoute}).
   * @default none: the notification belongs to no incoming request
   */
  relatedRequestId?: RequestId
}

/** What a request handler knows about the request it handles. */
export interface RequestContext<Extra = undefined> {
  /** The request's id. */
  requestId: RequestId
  /** The request's method. */
  method: string
  /** Aborted when the peer cancels the request, the transport aborts it, or the peer closes. */
  signal: AbortSignal
  /** The request's `params._meta`, if any. */
  meta: Record<string, unknown> | undefined
  /** What the transport passed to `receive()`: session, authentication, the HTTP request. */
  extra: Extra
  /**
   * Reports progress to the requester. Does nothing when the request carried no progress token
   * or was cancelled.
   */
  sendProgress: (progress: Progress) => Promise<void>
  /** Sends a notification that belongs to this request. Does nothing once it was cancelled. */
  notify: (method: string, params?: MessageParams) => Promise<void>
  /** Sends a request that belongs to this request; cancelling this one aborts it. */
  request: <Result = MessageResult>(
    method: string,
    params?: MessageParams,
    options?: Omit<RequestOptions<Result>, 'relatedRequestId'>,
  ) => Promise<Result>
}

/** What a notification handler knows about the notification it handles. */
export interface NotificationContext<Extra = undefined> {
  /** The notification's method. */
  method: string
  /** The notification's `params._meta`, if any. */
  meta: Record<string, unknown> | undefined
  /** What the transport passed to `receive()`. */
  extra: Extra
}

/**
 * Handles a request: returns the result, or throws. An `McpError` is sent as it is; anything
 * else as `-32603 Internal error`. `params` is `{}` when the request had none.
 */
export type RequestHandler<Extra = undefined> = (
  params: MessageParams,
  context: RequestContext<Extra>,
) => MessageResult | Promise<MessageResult>

/** Handles a notification. `params` is `{}` when the notification had none. */
export type NotificationHandler<Extra = undefined> = (
  params: MessageParams,
  context: NotificationContext<Extra>,
) => void | Promise<void>
