/**
 * Reading the typed `_meta` envelope out of a 2026-07-28 request.
 * @module
 */
import { ErrorCode } from '../../errors/error-code.js'
import { describeZodError } from '../../errors/zod-issues.js'
import { isJsonObject } from '../../jsonrpc/inspect.js'
import type { ErrorObject } from '../../jsonrpc/messages.js'
import type { Implementation, LoggingLevel, ProgressToken } from '../2025-11-25/index.js'
import type { ClientCapabilities } from './capabilities.js'
import { RequestMetaObjectSchema, type RequestMetaObject } from './meta.js'

/** The per-request protocol fields of a 2026-07-28 request, typed. */
export interface RequestMeta {
  /** `io.modelcontextprotocol/protocolVersion`: the version this request speaks. */
  protocolVersion: string
  /** `io.modelcontextprotocol/clientCapabilities`: what the client supports for this request. */
  clientCapabilities: ClientCapabilities
  /** `io.modelcontextprotocol/clientInfo`: self-reported, for display and logs only. */
  clientInfo: Implementation | undefined
  /**
   * `io.modelcontextprotocol/logLevel`: when absent, the server MUST NOT send
   * `notifications/message` for this request.
   */
  logLevel: LoggingLevel | undefined
  /** `progressToken`: when present, the client wants `notifications/progress` for this request. */
  progressToken: ProgressToken | undefined
  /** The whole `_meta`, with the keys this revision does not name (`traceparent`, say). */
  meta: RequestMetaObject
}

/** The outcome of {@link requestMeta}. */
export type RequestMetaResult =
  | { ok: true; value: RequestMeta }
  | {
      ok: false
      /** `-32602`: a request without the required `_meta` fields is malformed. */
      error: ErrorObject
      /** The status a Streamable HTTP server MUST answer with. */
      httpStatus: 400
    }

/**
 * Reads the typed `_meta` envelope out of a request's `params`: the protocol version, the client
 * capabilities and info, the log level and the progress token. A missing or malformed required
 * field gives the `-32602` error to answer with. Never throws.
 *
 * Whether the server supports the version is a separate question: see `checkModernRequest`.
 *
 * @param params - The `params` of an incoming request, as received.
 * @example
 * ```ts
 * const read = requestMeta(message.params)
 * if (!read.ok) return reply(read.httpStatus, { jsonrpc: '2.0', id: message.id, error: read.error })
 * if (read.value.clientCapabilities.elicitation === undefined) {
 *   // answer with MissingRequiredClientCapabilityError instead of asking for input
 * }
 * ```
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#_meta
 */
export function requestMeta(params: unknown): RequestMetaResult {
  const meta = isJsonObject(params) ? params._meta : undefined
  if (meta === undefined) return invalid('params._meta is missing')
  const parsed = RequestMetaObjectSchema.safeParse(meta)
  if (!parsed.success) return invalid(`params._meta is invalid: ${describeZodError(parsed.error)}`)
  const value = parsed.data
  return {
    ok: true,
    value: {
      protocolVersion: value['io.modelcontextprotocol/protocolVersion'],
      clientCapabilities: value['io.modelcontextprotocol/clientCapabilities'],
      clientInfo: value['io.modelcontextprotocol/clientInfo'],
      logLevel: value['io.modelcontextprotocol/logLevel'],
      progressToken: value.progressToken,
      meta: value,
    },
  }
}

function invalid(problem: string): RequestMetaResult {
  return {
    ok: false,
    httpStatus: 400,
    error: {
      code: ErrorCode.InvalidParams,
      message: `Invalid params: ${problem}; a 2026-07-28 request carries io.modelcontextprotocol/protocolVersion and io.modelcontextprotocol/clientCapabilities in _meta`,
    },
  }
}
