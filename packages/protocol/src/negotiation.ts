/**
 * Version negotiation for both eras: the legacy `initialize` answer, the per-request checks of
 * the modern era, how a dual-era server tells the eras apart, and how a dual-era client decides
 * whether to fall back to `initialize`. Every function returns a result object; none throws.
 *
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning
 * @module
 */
import { ErrorCode } from './errors/error-code.js'
import type { ErrorObject } from './jsonrpc/messages.js'
import {
  LEGACY_PROTOCOL_VERSIONS,
  PROTOCOL_VERSIONS,
  eraOf,
  newestVersion,
  type LegacyProtocolVersion,
  type ModernProtocolVersion,
  type ProtocolVersion,
} from './versions.js'

/**
 * The reserved `_meta` keys that carry the per-request (and per-result) protocol fields of the
 * modern era.
 *
 * @example
 * ```ts
 * const params = {
 *   name: 'get_weather',
 *   _meta: {
 *     [META_KEYS.protocolVersion]: '2026-07-28',
 *     [META_KEYS.clientCapabilities]: {},
 *     [META_KEYS.clientInfo]: { name: 'my-client', version: '1.0.0' },
 *   },
 * }
 * ```
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#meta
 */
export const META_KEYS = {
  /** The request's protocol version. Required on every modern request. */
  protocolVersion: 'io.modelcontextprotocol/protocolVersion',
  /** The client capabilities that apply to the request. Required on every modern request. */
  clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  /** The client's `Implementation` (name and version). Clients SHOULD send it. */
  clientInfo: 'io.modelcontextprotocol/clientInfo',
  /** The lowest log level the server may emit for the request. Optional. */
  logLevel: 'io.modelcontextprotocol/logLevel',
  /** The server's `Implementation`, in a result's `_meta`. Servers SHOULD send it. */
  serverInfo: 'io.modelcontextprotocol/serverInfo',
  /** On notifications of a `subscriptions/listen` stream: the id of that request. */
  subscriptionId: 'io.modelcontextprotocol/subscriptionId',
} as const

/** One of the values of {@link META_KEYS}. */
export type MetaKey = (typeof META_KEYS)[keyof typeof META_KEYS]

const MODERN_ERROR_CODES: ReadonlySet<number> = new Set([
  ErrorCode.HeaderMismatch,
  ErrorCode.MissingRequiredClientCapability,
  ErrorCode.UnsupportedProtocolVersion,
])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function list(versions: readonly string[]): string {
  return versions.length === 0 ? 'none' : versions.join(', ')
}

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
      message: `Method not found: initialize. This server supports only protocol versions ${list(supported)}, which take the version from each request's _meta`,
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
  if (isRecord(message)) {
    const params = message.params
    if (isRecord(params) && isRecord(params._meta) && META_KEYS.protocolVersion in params._meta) {
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
 * the version came from `_meta` or the `MCP-Protocol-Version` header.
 *
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
      : `Unsupported protocol version ${requested}; this server supports ${list(supported)}`,
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
  const params = isRecord(message) ? message.params : undefined
  const meta = isRecord(params) ? params._meta : undefined
  if (!isRecord(meta)) return invalidMeta(`params._meta is missing`)

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
  if (!isRecord(clientCapabilities)) {
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

// --- client: the dual-era probe ----------------------------------------------------------------

/** What came back for a modern probe request. */
export interface ModernProbeResponse {
  /**
   * The HTTP status. Leave it out on stdio and other transports without one.
   */
  status?: number
  /**
   * The parsed JSON-RPC response (for a `text/event-stream` answer, the response event), or
   * `undefined` when the body was empty or not JSON.
   */
  body?: unknown
}

/** Options of {@link classifyModernProbe}. */
export interface ClassifyModernProbeOptions {
  /**
   * The versions this client supports, used to pick the version to retry with.
   * @default PROTOCOL_VERSIONS
   */
  supported?: readonly ProtocolVersion[]
}

/** What a dual-era client does after its first modern request. */
export type ModernProbeVerdict =
  | {
      /** The server answered the modern request: it is modern. Carry on. */
      action: 'continue'
      era: 'modern'
    }
  | {
      /** `-32022`: the server is modern but not at this version. Retry with `version`. */
      action: 'retry'
      era: 'modern'
      /** The newest modern version both sides support. */
      version: ModernProtocolVersion
      /** The versions the server listed. */
      supported: string[]
    }
  | {
      /** The server is legacy (or shares only legacy versions with this client): send `initialize`. */
      action: 'fall-back'
      era: 'legacy'
      /** The newest version both sides support, when the server listed its versions. */
      version?: LegacyProtocolVersion
      /** Why, for logs. */
      reason: string
    }
  | {
      /** A real error: do not fall back. */
      action: 'fail'
      /** `'modern'` when a recognised modern error proved the server modern, else unknown. */
      era: 'modern' | undefined
      /** The JSON-RPC error the server sent, if any. */
      error?: ErrorObject
      /** What failed, for the error shown to the user. */
      reason: string
    }

function errorOf(body: unknown): ErrorObject | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined
  const { code, message, data } = body.error
  if (typeof code !== 'number' || !Number.isInteger(code) || typeof message !== 'string') {
    return undefined
  }
  return 'data' in body.error ? { code, message, data } : { code, message }
}

function isRecognisedModernError(error: ErrorObject, status: number | undefined): boolean {
  // A modern server answers an unknown method with 404 and -32601; the JSON-RPC body is what
  // tells it from the 404 of a server that has no MCP endpoint there. Without HTTP, -32601 is
  // what legacy servers commonly answer a request before initialize with.
  return (
    MODERN_ERROR_CODES.has(error.code) ||
    (status === 404 && error.code === ErrorCode.MethodNotFound)
  )
}

// Statuses that come before any MCP processing in both eras (authorization, rate limits), so
// they say nothing about the era and falling back would not help.
const ERA_NEUTRAL_STATUSES: ReadonlySet<number> = new Set([401, 403, 407, 408, 429])

/**
 * Client side of the era probe: given what came back for the first modern request (ideally
 * `server/discover`), decide whether the server is modern, whether to retry with another
 * version, to fall back to `initialize`, or to report an error.
 *
 * - A recognised modern JSON-RPC error (`-32020`, `-32021`, `-32022`, or `-32601` with HTTP 404)
 *   proves the server modern: `-32022` becomes a retry with the newest shared version, the
 *   others are real errors. Never fall back on these.
 * - Over HTTP, any other 4xx (typically 400, 404 or 405 with an empty or legacy body) means a
 *   legacy server. Without HTTP, any other JSON-RPC error means the same; the decision is never
 *   keyed to one code. A probe that gets no answer within a reasonable time on stdio also means
 *   legacy; that is the caller's timer.
 * - A success means modern.
 * - 401, 403, 407, 408, 429, 5xx and other statuses say nothing about the era: they fail, so the
 *   caller handles them (authorization, backing off) and probes again; they must not be cached
 *   as the server's era.
 *
 * Never throws: `body` may be anything.
 *
 * @example
 * ```ts
 * const verdict = classifyModernProbe({ status: response.status, body: await response.json().catch(() => undefined) })
 * if (verdict.action === 'fall-back') await initialize(verdict.version ?? LATEST_LEGACY_PROTOCOL_VERSION)
 * ```
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#backward-compatibility-with-initialization-based-versions
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#backward-compatibility
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/stdio#backward-compatibility
 */
export function classifyModernProbe(
  response: ModernProbeResponse,
  options: ClassifyModernProbeOptions = {},
): ModernProbeVerdict {
  const { status, body } = response
  const error = errorOf(body)
  if (error !== undefined && isRecognisedModernError(error, status)) {
    return error.code === ErrorCode.UnsupportedProtocolVersion
      ? retryVersion(error, options.supported ?? PROTOCOL_VERSIONS)
      : {
          action: 'fail',
          era: 'modern',
          error,
          reason: `The server rejected the request: ${error.message}`,
        }
  }

  if (status === undefined) {
    if (error !== undefined) {
      return {
        action: 'fall-back',
        era: 'legacy',
        reason: `JSON-RPC error ${String(error.code)} is not a modern error: the server predates 2026-07-28`,
      }
    }
    if (isRecord(body) && 'result' in body) return { action: 'continue', era: 'modern' }
    return { action: 'fail', era: undefined, reason: 'The answer is not a JSON-RPC response' }
  }

  const kind = statusClass(status)
  if (kind === 'success' && error === undefined) return { action: 'continue', era: 'modern' }
  if (kind === 'success' || kind === 'client-error') {
    const why =
      error === undefined
        ? 'without a JSON-RPC error'
        : `with JSON-RPC error ${String(error.code)}, not a modern error,`
    return {
      action: 'fall-back',
      era: 'legacy',
      reason: `HTTP ${String(status)} ${why}: the server predates 2026-07-28`,
    }
  }
  const reason = `The server answered HTTP ${String(status)}, which does not tell its protocol era`
  return error === undefined
    ? { action: 'fail', era: undefined, reason }
    : { action: 'fail', era: undefined, reason, error }
}

function statusClass(status: number): 'success' | 'client-error' | 'neutral' | 'other' {
  if (ERA_NEUTRAL_STATUSES.has(status)) return 'neutral'
  if (status >= 200 && status < 300) return 'success'
  if (status >= 400 && status < 500) return 'client-error'
  return 'other'
}

function retryVersion(error: ErrorObject, ours: readonly ProtocolVersion[]): ModernProbeVerdict {
  const data = isRecord(error.data) ? error.data : {}
  const theirs = Array.isArray(data.supported)
    ? data.supported.filter((version): version is string => typeof version === 'string')
    : []
  const shared = ours.filter((version) => theirs.includes(version))
  const modern = newestVersion(
    shared.filter((version): version is ModernProtocolVersion => eraOf(version) === 'modern'),
  )
  if (modern !== undefined)
    return { action: 'retry', era: 'modern', version: modern, supported: theirs }
  const legacy = newestVersion(
    shared.filter((version): version is LegacyProtocolVersion => eraOf(version) === 'legacy'),
  )
  if (legacy !== undefined) {
    return {
      action: 'fall-back',
      era: 'legacy',
      version: legacy,
      reason: `The server shares only legacy protocol versions with this client (${list(shared)})`,
    }
  }
  return {
    action: 'fail',
    era: 'modern',
    error,
    reason: `The server supports protocol versions ${list(theirs)}; this client supports ${list(ours)}`,
  }
}

/**
 * Client side of the last fallback step: after a legacy `initialize` POST failed, whether to try
 * the deprecated HTTP+SSE transport (2024-11-05), which opens with a GET that returns an
 * `endpoint` event. True for 400, 404 or 405 unless the body is a recognised modern error.
 *
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#http%2Bsse-transport-2024-11-05
 */
export function shouldTryHttpSse(response: ModernProbeResponse & { status: number }): boolean {
  if (response.status !== 400 && response.status !== 404 && response.status !== 405) return false
  const error = errorOf(response.body)
  return error === undefined || !isRecognisedModernError(error, response.status)
}
