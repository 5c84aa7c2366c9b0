/**
 * The JSON-RPC error codes MCP uses, in one table.
 * @module
 */

/**
 * Every error code MCP defines, by name.
 *
 * The `-32700` and `-32600` to `-32603` codes are JSON-RPC's own. Since 2026-07-28, MCP owns
 * `-32020` to `-32099` and emits nothing from `-32000` to `-32019` but `-32002` (and only for
 * older revisions). Application codes belong outside `-32768` to `-32000`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic#error-codes
 * @example
 * ```ts
 * throw new McpError(ErrorCode.InvalidParams, 'Unknown tool: weather')
 * ```
 */
export const ErrorCode = {
  /** The body is not valid JSON. */
  ParseError: -32700,
  /** The JSON is not a valid JSON-RPC message. */
  InvalidRequest: -32600,
  /** The method does not exist or is not available. */
  MethodNotFound: -32601,
  /** The params are invalid; since 2026-07-28 also a resource that does not exist. */
  InvalidParams: -32602,
  /** The receiver failed while handling a valid request. */
  InternalError: -32603,
  /**
   * The resource does not exist (2025-11-25 and earlier). 2026-07-28 uses `InvalidParams`
   * instead, but clients should still accept this code.
   */
  ResourceNotFound: -32002,
  /** The request needs a URL-mode elicitation to complete first (2025-11-25 only). */
  UrlElicitationRequired: -32042,
  /**
   * The HTTP headers do not match the body, or required headers are missing or malformed
   * (2026-07-28; HTTP 400).
   */
  HeaderMismatch: -32020,
  /**
   * The request needs a client capability the client did not declare; `data.requiredCapabilities`
   * lists them (2026-07-28; HTTP 400).
   */
  MissingRequiredClientCapability: -32021,
  /**
   * The request's protocol version is unknown or not implemented; `data` holds `supported` and
   * `requested` (2026-07-28; HTTP 400).
   */
  UnsupportedProtocolVersion: -32022,
} as const

/** One of the codes in {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]
