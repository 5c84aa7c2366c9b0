/**
 * The per-request `_meta` of 2026-07-28 on the server: validation in the order the spec's
 * errors need, the result envelope (`resultType`, `serverInfo`), the per-request log level and
 * the HTTP status of each error.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#meta
 * @module
 */
import {
  ErrorCode,
  McpError,
  checkModernRequest,
  requestMeta,
  type ErrorObject,
  type ProtocolVersion,
  type RequestMeta,
} from '@mcp-sse/protocol'
import { passesLevel } from '../handlers/log-level.js'
import type { Implementation } from '../types.js'
import { checkProtocolVersionHeader } from './headers.js'

/** The outcome of {@link checkModernMeta}. */
export type MetaCheck =
  { ok: true; meta: RequestMeta } | { ok: false; error: ErrorObject; httpStatus: 400 }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function invalid(problem: string): MetaCheck {
  return {
    ok: false,
    httpStatus: 400,
    error: {
      code: ErrorCode.InvalidParams,
      message: `Invalid params: ${problem}; a 2026-07-28 request carries io.modelcontextprotocol/protocolVersion and io.modelcontextprotocol/clientCapabilities in _meta`,
    },
  }
}

/**
 * Validates a modern request's `_meta` against the request and its headers, in this order (each
 * failure is HTTP 400):
 *
 * 1. `_meta` and its protocol version present: else `-32602`;
 * 2. `MCP-Protocol-Version` header present and equal to it: else `-32020`;
 * 3. the version served by this server in the modern era: else `-32022` listing `supported`;
 * 4. client capabilities, client info and log level well-formed: else `-32602`.
 *
 * `clientInfo` is optional: servers MUST NOT require it.
 *
 * @param supported - every version the server speaks, legacy ones included (they are listed in
 *   the `-32022` error, so that a dual-era client can pick one).
 */
export function checkModernMeta(
  message: { params?: unknown },
  headers: Headers,
  supported: readonly ProtocolVersion[],
): MetaCheck {
  const meta = isRecord(message.params) ? message.params._meta : undefined
  if (!isRecord(meta)) return invalid('params._meta is missing')
  const version = meta['io.modelcontextprotocol/protocolVersion']
  if (typeof version !== 'string') {
    return invalid('_meta["io.modelcontextprotocol/protocolVersion"] must be a string')
  }
  const header = checkProtocolVersionHeader(headers, version)
  if (!header.ok) return header
  const served = checkModernRequest(message, supported)
  if (!served.ok) return served
  const read = requestMeta(message.params)
  if (!read.ok) return read
  return { ok: true, meta: read.value }
}

/**
 * Whether a `notifications/message` at `level` may be sent for a request: never when the request
 * set no `io.modelcontextprotocol/logLevel` (the spec forbids it), else when `level` is at least
 * as severe.
 */
export function shouldSendLog(level: string, requestLevel: string | undefined): boolean {
  return requestLevel !== undefined && passesLevel(level, requestLevel)
}

/**
 * The complete result of a modern request: `resultType: "complete"` unless the result has one,
 * and the server's identity in `_meta["io.modelcontextprotocol/serverInfo"]`.
 */
export function completeResult(
  result: Record<string, unknown>,
  serverInfo: Implementation,
): Record<string, unknown> {
  const meta = isRecord(result._meta) ? result._meta : undefined
  return {
    ...result,
    resultType: typeof result.resultType === 'string' ? result.resultType : 'complete',
    _meta: { ...meta, 'io.modelcontextprotocol/serverInfo': serverInfo },
  }
}

const SERVER_INFO_KEY = JSON.stringify('io.modelcontextprotocol/serverInfo')

/**
 * The serialised JSON-RPC response carrying a complete result: the same as serialising
 * `{ jsonrpc, id, result: { ...completeResult(result, serverInfo), ...hint } }`, without copying
 * the handler's result (the common case: it has no `_meta`, `resultType` or hint fields of its
 * own, so the envelope's fields are appended to its JSON text).
 *
 * @param serverInfoJson - `JSON.stringify(serverInfo)`, computed once per server.
 */
export function completeResponseJson(
  id: string | number,
  result: Record<string, unknown>,
  serverInfo: Implementation,
  serverInfoJson: string,
  hint?: { ttlMs: number; cacheScope: string },
): string {
  const plain =
    !Object.hasOwn(result, '_meta') &&
    !Object.hasOwn(result, 'resultType') &&
    (hint === undefined ||
      (!Object.hasOwn(result, 'ttlMs') && !Object.hasOwn(result, 'cacheScope')))
  if (!plain) {
    const complete = completeResult(result, serverInfo)
    return JSON.stringify({
      jsonrpc: '2.0',
      id,
      result: hint === undefined ? complete : { ...complete, ...hint },
    })
  }
  const json = JSON.stringify(result)
  const cache =
    hint === undefined
      ? ''
      : `,"ttlMs":${String(hint.ttlMs)},"cacheScope":${JSON.stringify(hint.cacheScope)}`
  const tail = `"resultType":"complete"${cache},"_meta":{${SERVER_INFO_KEY}:${serverInfoJson}}}`
  const body = json === '{}' ? `{${tail}` : `${json.slice(0, -1)},${tail}`
  return `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":${body}}`
}

/**
 * An error thrown while answering a modern request, in its 2026-07-28 form: resource not found
 * is `-32602` (was `-32002`), keeping its message and `data.uri`. Anything else is unchanged.
 */
export function modernError(error: unknown): unknown {
  if (error instanceof McpError && error.code === ErrorCode.ResourceNotFound) {
    return new McpError(ErrorCode.InvalidParams, error.message, {
      data: error.data,
      cause: error,
    })
  }
  return error
}

/**
 * The HTTP status of a JSON-RPC error raised while answering a method, when it is the whole
 * response (not inside an SSE stream): `404` for `-32601` (the body tells a modern server from a
 * missing endpoint), `400` for `-32020`, `-32021` and `-32022`, and `200` for what the method
 * itself reports (an unknown tool, a rejected `requestState`, a malformed answer, a failing
 * handler). The checks made before any method runs (`_meta`, headers, params schema) always
 * answer 400.
 */
export function httpStatusOf(code: number): number {
  if (code === ErrorCode.MethodNotFound) return 404
  if (
    code === ErrorCode.HeaderMismatch ||
    code === ErrorCode.MissingRequiredClientCapability ||
    code === ErrorCode.UnsupportedProtocolVersion
  ) {
    return 400
  }
  return 200
}
