/**
 * Version negotiation, server side: the `protocolVersion` to answer a legacy `initialize` with,
 * the era of an incoming message, and the per-request `_meta` checks of the modern era. Every
 * function returns a result object; none throws.
 *
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning
 * @module
 */
import { ErrorCode } from '../errors/error-code.js'
import { isJsonObject } from '../jsonrpc/inspect.js'
import type { ErrorObject } from '../jsonrpc/messages.js'
import {
  LEGACY_PROTOCOL_VERSIONS,
  PROTOCOL_VERSIONS,
  describeVersions,
  eraOf,
  newestVersion,
  type LegacyProtocolVersion,
  type ModernProtocolVersion,
  type ProtocolVersion,
} from '../versions.js'
import { META_KEYS } from './meta-keys.js'

// --- legacy: initialize ------------------------------------------------------------------------

/** The answer to a legacy `initialize` request's `protocolVersion`. */
export type LegacyNegotiation =
  | {
      ok: true
      /** The version to put in the `InitializeResult`. */
      version: LegacyProtocolVersion
    }
  | {
      ok: false
      /** The server supports no legacy version: reply with this error (it names the versions it does support). */
      error: ErrorObject
      /** The status a Streamable HTTP server answers with: `initialize` is an unknown method here. */
      httpStatus: 404
    }

/**
 * Server side of the legacy handshake: the `protocolVersion` to answer an `initialize` request
 * with. If the server supports the requested version it echoes it; otherwise it answers with the
 * newest legacy version it supports, and the client decides whether it can speak that.
 *
 * A server that supports no legacy version gets an error to send instead; it names the versions
 * the server does support, because a legacy client cannot fall forward and this message may be
 * all its user sees.
 *
 * @param requested - `params.protocolVersion` of the `initialize` request, as received.
 * @param supported - The versions this server supports, in any order.
 * @default supported PROTOCOL_VERSIONS
 * @example
 * ```ts
 * negotiateLegacyVersion('2025-06-18') // { ok: true, version: '2025-06-18' }
 * negotiateLegacyVersion('2099-01-01') // { ok: true, version: '2025-11-25' }
 * negotiateLegacyVersion('2025-06-18', ['2026-07-28']) // { ok: false, error: { code: -32601, ... } }
 * ```
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#version-negotiation
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#backward-compatibility-with-initialization-based-versions
 */
export function negotiateLegacyVersion(
  requested: unknown,
  supported: readonly ProtocolVersion[] = PROTOCOL_VERSIONS,
): LegacyNegotiation {
  const legacy = supported.filter((version): version is LegacyProtocolVersion =>
    (LEGACY_PROTOCOL_VERSIONS as readonly string[]).includes(version),
  )
  if (typeof requested === 'string') {
    const echoed = legacy.find((version) => version === requested)
    if (echoed !== undefined) return { ok: true, version: echoed }
  }
  const newest = newestVersion(legacy)
  if (newest !== undefined) return { ok: true, version: newest }
  return {
    ok: false,
    httpStatus: 404,
    error: {
      code: ErrorCode.MethodNotFound,
      message: `Method not found: initialize. This server supports only protocol versions ${describeVersions(supported)}, which take the version from each request's _meta`,
      data: { supported: [...supported] },
    },
  }
}

// --- modern: per-request _meta -----------------------------------------------------------------

/** How a dual-era server recognised the era of an incoming message. */
export type RequestEraDetection =
  | {
      era: 'modern'
      /** `params._meta` carries `io.modelcontextprotocol/protocolVersion`. */
      by: 'meta'
    }
  | {
      era: 'legacy'
      /** The message is an `initialize` request, or it arrived in a legacy session. */
      by: 'initialize' | 'session'
    }
  | {
      /** Nothing marks the era: a request that lacks the modern `_meta` outside any session. */
      era: undefined
    }

/** Options of {@link detectRequestEra}. */
export interface DetectRequestEraOptions {
  /**
   * The message arrived in a legacy session the server knows: a Streamable HTTP request whose
   * `Mcp-Session-Id` names a live session, or any message on a stdio connection that has
   * completed `initialize`.
   * @default false
   */
  legacySession?: boolean
}

/**
 * Tells a dual-era server which era an incoming JSON-RPC message belongs to, as the versioning
 * page says: a request that carries the modern per-request `_meta` is served statelessly by the
 * modern revision; an `initialize` request selects legacy semantics for the session (HTTP) or
 * the process (stdio). The modern `_meta` wins, because a modern request is judged by itself
 * and never by connection state.
 *
 * A message with no marker (`era: undefined`) is a request that is malformed in both eras; a
 * server answers it as {@link checkModernRequest} does (`-32602`, HTTP 400), which names the
 * missing field.
 *
 * Never throws: any value may be passed.
 *
 * @example
 * ```ts
 * detectRequestEra({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25' } })
 * // { era: 'legacy', by: 'initialize' }
 * ```
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#backward-compatibility-with-initialization-based-versions
 */
export function detectRequestEra(
  message: unknown,
  options: DetectRequestEraOptions = {},
): RequestEraDetection {
  if (isJsonObject(message)) {
    const params = message.params
    if (
      isJsonObject(params) &&
      isJsonObject(params._meta) &&
      META_KEYS.protocolVersion in params._meta
    ) {
      return { era: 'modern', by: 'meta' }
    }
    if (message.method === 'initialize') return { era: 'legacy', by: 'initialize' }
  }
  if (options.legacySession === true) return { era: 'legacy', by: 'session' }
  return { era: undefined }
}

/** The outcome of {@link checkModernRequest}. */
export type ModernRequestCheck =
  | {
      ok: true
      /** The request's protocol version, one the server supports. */
      protocolVersion: ModernProtocolVersion
      /** The client capabilities declared on this request (`{}` means none). */
      clientCapabilities: Record<string, unknown>
      /** The self-reported client `Implementation`, when sent. For display and logs only. */
      clientInfo: unknown
    }
  | {
      ok: false
      /** The error to answer with: `-32602` for a missing field, `-32022` for a version the server does not serve. */
      error: ErrorObject
      /** The status a Streamable HTTP server MUST use for both. */
      httpStatus: 400
    }

/**
 * The error a server answers with when it does not implement the requested version, whether
 * the version came from `_meta` or the `MCP-Protocol-Version` header. A legacy version that
 * the server supports gets a message saying it is negotiated with `initialize` instead.
 *
 * @example
 * ```ts
 * const header = request.headers.get('MCP-Protocol-Version')
 * if (header !== null && !isSupportedVersion(header, supported)) {
 *   return reply(400, { jsonrpc: '2.0', id, error: unsupportedProtocolVersionError(header, supported) })
 * }
 * ```
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#protocol-version-negotiation
 */
export function unsupportedProtocolVersionError(
  requested: string,
  supported: readonly ProtocolVersion[],
): ErrorObject {
  const legacy =
    eraOf(requested) === 'legacy' && (supported as readonly string[]).includes(requested)
  return {
    code: ErrorCode.UnsupportedProtocolVersion,
    message: legacy
      ? `Unsupported protocol version ${requested} in _meta: it is a legacy version, negotiated with initialize`
      : `Unsupported protocol version ${requested}; this server supports ${describeVersions(supported)}`,
    data: { supported: [...supported], requested },
  }
}

/**
 * Server side of the modern era: checks the per-request fields of an incoming request's
 * `params._meta` before anything else is done with it. Only modern versions from `supported`
 * are accepted here (a legacy version is negotiated with `initialize`), but the error lists
 * every supported version so a dual-era client can pick one.
 *
 * The version is checked first: an unsupported version gets `-32022` even if other fields are
 * missing, since their shape depends on the version. The rest of `params` (and the shape of
 * the capabilities) is left to the revision's params schema.
 *
 * @param message - The incoming JSON-RPC request.
 * @param supported - The versions this server supports, in any order.
 * @default supported PROTOCOL_VERSIONS
 * @example
 * ```ts
 * const check = checkModernRequest(message, ['2026-07-28', '2025-11-25'])
 * if (!check.ok) return reply(check.httpStatus, { jsonrpc: '2.0', id: message.id, error: check.error })
 * ```
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#meta
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#protocol-version-negotiation
 */
export function checkModernRequest(
  message: unknown,
  supported: readonly ProtocolVersion[] = PROTOCOL_VERSIONS,
): ModernRequestCheck {
  const params = isJsonObject(message) ? message.params : undefined
  const meta = isJsonObject(params) ? params._meta : undefined
  if (!isJsonObject(meta)) return invalidMeta(`params._meta is missing`)

  const requested = meta[META_KEYS.protocolVersion]
  if (typeof requested !== 'string') {
    return invalidMeta(`_meta["${META_KEYS.protocolVersion}"] must be a string`)
  }
  const protocolVersion = supported.find(
    (version): version is ModernProtocolVersion =>
      version === requested && eraOf(version) === 'modern',
  )
  if (protocolVersion === undefined) {
    return {
      ok: false,
      httpStatus: 400,
      error: unsupportedProtocolVersionError(requested, supported),
    }
  }

  const clientCapabilities = meta[META_KEYS.clientCapabilities]
  if (!isJsonObject(clientCapabilities)) {
    return invalidMeta(`_meta["${META_KEYS.clientCapabilities}"] must be an object`)
  }
  return { ok: true, protocolVersion, clientCapabilities, clientInfo: meta[META_KEYS.clientInfo] }
}

function invalidMeta(problem: string): ModernRequestCheck {
  return {
    ok: false,
    httpStatus: 400,
    error: {
      code: ErrorCode.InvalidParams,
      message: `Invalid params: ${problem}; every request of protocol version 2026-07-28 and later carries the protocol version and client capabilities in _meta`,
    },
  }
}
