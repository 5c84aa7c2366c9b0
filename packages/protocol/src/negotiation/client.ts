/**
 * Version negotiation, client side: after the first modern request, whether the server is
 * modern, whether to retry with another version, to fall back to `initialize`, or to report an
 * error; and, after a failed `initialize`, whether to try the HTTP+SSE transport. Every function
 * returns a result; none throws.
 *
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning
 * @module
 */
import { ErrorCode } from '../errors/error-code.js'
import { isJsonObject } from '../jsonrpc/inspect.js'
import type { ErrorObject } from '../jsonrpc/messages.js'
import {
  PROTOCOL_VERSIONS,
  describeVersions,
  eraOf,
  newestVersion,
  type LegacyProtocolVersion,
  type ModernProtocolVersion,
  type ProtocolVersion,
} from '../versions.js'

// The codes only a modern server sends: any of them proves the server modern.
const MODERN_ERROR_CODES: ReadonlySet<number> = new Set([
  ErrorCode.HeaderMismatch,
  ErrorCode.MissingRequiredClientCapability,
  ErrorCode.UnsupportedProtocolVersion,
])

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
  if (!isJsonObject(body) || !isJsonObject(body.error)) return undefined
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
    if (isJsonObject(body) && 'result' in body) return { action: 'continue', era: 'modern' }
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
  const data = isJsonObject(error.data) ? error.data : {}
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
      reason: `The server shares only legacy protocol versions with this client (${describeVersions(shared)})`,
    }
  }
  return {
    action: 'fail',
    era: 'modern',
    error,
    reason: `The server supports protocol versions ${describeVersions(theirs)}; this client supports ${describeVersions(ours)}`,
  }
}

/**
 * Client side of the last fallback step: after a legacy `initialize` POST failed, whether to try
 * the deprecated HTTP+SSE transport (2024-11-05), which opens with a GET that returns an
 * `endpoint` event. True for 400, 404 or 405 unless the body is a recognised modern error.
 *
 * @example
 * ```ts
 * if (!response.ok && shouldTryHttpSse({ status: response.status, body })) {
 *   return connectHttpSse(url) // GET, wait for the `endpoint` event
 * }
 * ```
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#http%2Bsse-transport-2024-11-05
 */
export function shouldTryHttpSse(response: ModernProbeResponse & { status: number }): boolean {
  if (response.status !== 400 && response.status !== 404 && response.status !== 405) return false
  const error = errorOf(response.body)
  return error === undefined || !isRecognisedModernError(error, response.status)
}
