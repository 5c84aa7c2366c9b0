/**
 * The error for failures on this side of the wire.
 * @module
 */

/** What kind of local failure a {@link LocalError} is. */
export type LocalErrorType =
  /** The request got no response in time. */
  | 'timeout'
  /** The connection closed before the request completed. */
  | 'closed'
  /** The caller (or the peer, for a handler) cancelled the request. */
  | 'aborted'
  /** The peer broke the protocol: a malformed message, or a result that fails its schema. */
  | 'protocol'
  /** The server answered with an HTTP error status. */
  | 'http'
  /** The network failed: the server could not be reached or the stream broke. */
  | 'network'

/** Options for {@link LocalError}. */
export interface LocalErrorOptions {
  /**
   * The MCP method of the request that failed.
   * @default no method
   */
  method?: string
  /**
   * The URL of the HTTP request that failed (clients).
   * @default no URL
   */
  url?: string
  /**
   * The HTTP status that was received (clients).
   * @default no status
   */
  status?: number
  /**
   * The underlying error.
   * @default no cause
   */
  cause?: unknown
}

/**
 * A failure on this side of the wire, never sent to the peer. The `type` says what happened and
 * the message names what failed.
 *
 * @example
 * ```ts
 * new LocalError('timeout', 'Request timed out after 60000 ms: tools/call', { method: 'tools/call' })
 * ```
 */
export class LocalError extends Error {
  /** Always `'LocalError'`. */
  override name = 'LocalError'
  /** What kind of failure this is. */
  readonly type: LocalErrorType
  /** The MCP method of the request that failed, if any. */
  readonly method: string | undefined
  /** The URL of the HTTP request that failed, if any. */
  readonly url: string | undefined
  /** The HTTP status that was received, if any. */
  readonly status: number | undefined

  constructor(type: LocalErrorType, message: string, options: LocalErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.type = type
    this.method = options.method
    this.url = options.url
    this.status = options.status
  }
}
