/**
 * The error that goes over the wire.
 * @module
 */
import type { ErrorObject } from '../jsonrpc/messages.js'
import type { ErrorCode } from './error-code.js'

/** Options for {@link McpError}. */
export interface McpErrorOptions {
  /**
   * Sent as the error's `data`: anything that helps the peer, such as nested errors.
   * @default no `data` member
   */
  data?: unknown
  /**
   * The local error behind this one, kept as the error's `cause`. Never sent.
   * @default no cause
   */
  cause?: unknown
}

/**
 * An error that goes over the wire as a JSON-RPC error response: throw it from a handler and the
 * peer answers with its `code`, `message` and `data`. A request whose peer answered with an
 * error rejects with one.
 *
 * @example
 * ```ts
 * throw new McpError(ErrorCode.InvalidParams, 'Unknown tool: weather', { data: { tool: 'weather' } })
 * ```
 */
export class McpError extends Error {
  /** Always `'McpError'`, which tells it apart even from another copy of this package. */
  override name = 'McpError'
  /** The JSON-RPC error code, usually one of {@link ErrorCode}. */
  readonly code: ErrorCode | (number & {})
  /** The error's `data`, if any. */
  readonly data: unknown

  constructor(code: ErrorCode | (number & {}), message: string, options: McpErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.data = options.data
  }

  /** The error as a JSON-RPC error object, `data` included only when set. */
  toErrorObject(): ErrorObject {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data }
  }

  /** An `McpError` for an error object received from the peer. */
  static fromErrorObject(error: ErrorObject): McpError {
    return new McpError(error.code, error.message, { data: error.data })
  }
}
