/**
 * Era negotiation for a dual-era client over HTTP, as the 2026-07-28 versioning page describes
 * it: send a modern request first (`server/discover`), read the body of a `4xx` to tell a legacy
 * server from a modern one that refused the request, retry once with a version from a `-32022`,
 * and otherwise leave it to the legacy path (`initialize`, then HTTP+SSE). What a server spoke is
 * remembered per URL.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#backward-compatibility-with-initialization-based-versions
 * @module
 */
import {
  LocalError,
  McpError,
  PROTOCOL_VERSIONS,
  classifyModernProbe,
  type LegacyProtocolVersion,
  type ProtocolVersion,
} from '@mcp-sse/protocol'
import type { HttpClient } from '../http/http-client.js'
import type { TransportMemory } from '../transport/memory.js'
import { parseDiscoverResult, type DiscoverResult } from './discover.js'
import { exchange } from './exchange.js'
import { modernHeaders } from './headers.js'
import { withModernMeta, type ModernIdentity } from './meta.js'

/** Which era to speak: find out (`auto`), or only one. */
export type EraOption = 'auto' | 'modern' | 'legacy'

/** Options of {@link negotiateEra}. */
export interface NegotiateEraOptions {
  url: string
  http: HttpClient
  /** The `_meta` of the probe: the version tried first, the capabilities and client info. */
  identity: ModernIdentity
  /**
   * `modern` fails instead of falling back; `legacy` skips the probe.
   * @default 'auto'
   */
  era?: EraOption | undefined
  /** What each URL spoke; `false` to probe every time. */
  memory?: TransportMemory | false | undefined
  /**
   * The versions this client speaks, to pick the retry version after `-32022`.
   * @default PROTOCOL_VERSIONS
   */
  supportedVersions?: readonly ProtocolVersion[] | undefined
  /**
   * Milliseconds to wait for the probe's response headers.
   * @default 30000
   */
  timeout?: number | undefined
  signal?: AbortSignal | undefined
}

/** What the probe found out. */
export type EraNegotiation =
  | {
      era: 'modern'
      /** The version the server accepted; every later request carries it. */
      version: string
      /** The server's `server/discover` answer: versions, capabilities, identity, instructions. */
      discover: DiscoverResult
    }
  | {
      era: 'legacy'
      /** The legacy wire this URL spoke before, when it is remembered. */
      wire?: 'streamable-http' | 'sse' | undefined
      /** The version to ask for in `initialize`, when the server listed its versions. */
      version?: LegacyProtocolVersion | undefined
      /** Why, for logs. */
      reason: string
    }

/**
 * Finds out which era the server at `url` speaks. Resolves with `modern` (and the discover
 * result) or `legacy` (send `initialize`; fall back to HTTP+SSE from there). Rejects with a
 * `LocalError` naming the URL when the answer says nothing about the era (401, 429, 5xx, a
 * network failure; nothing is remembered then), or with the server's `McpError` when a modern
 * server refused the probe.
 *
 * @example
 * ```ts
 * const negotiated = await negotiateEra({ url, http, identity })
 * if (negotiated.era === 'modern') transport = new ModernTransport({ ..., discover: negotiated.discover })
 * ```
 */
export async function negotiateEra(options: NegotiateEraOptions): Promise<EraNegotiation> {
  const { url, era = 'auto' } = options
  if (era === 'legacy') return { era: 'legacy', reason: 'The legacy era was asked for' }
  const memory = options.memory === false ? undefined : options.memory
  const remembered = await memory?.get(url)
  if (era === 'auto' && (remembered === 'streamable-http' || remembered === 'sse')) {
    return { era: 'legacy', wire: remembered, reason: `${url} spoke ${remembered} before` }
  }
  let identity = options.identity
  for (let retried = false; ; retried = true) {
    const outcome = await probe(options, identity)
    if (outcome.type === 'broken') throw outcome.error
    const body =
      outcome.type === 'response'
        ? outcome.response
        : outcome.type === 'status'
          ? outcome.body
          : undefined
    const verdict = classifyModernProbe(
      { status: outcome.status, body },
      { supported: options.supportedVersions ?? PROTOCOL_VERSIONS },
    )
    if (
      verdict.action === 'continue' &&
      outcome.type === 'response' &&
      'result' in outcome.response
    ) {
      let discover: DiscoverResult
      try {
        discover = parseDiscoverResult(outcome.response.result, url)
      } catch (error) {
        // Lenient legacy servers answer any method with some result; a 2026 server answers
        // server/discover with a discover result.
        if (era === 'modern') throw error
        return {
          era: 'legacy',
          reason: `server/discover on ${url} answered with something else than a discover result`,
        }
      }
      await memory?.set(url, 'stateless')
      return { era: 'modern', version: identity.protocolVersion, discover }
    }
    if (verdict.action === 'retry' && !retried) {
      identity = { ...identity, protocolVersion: verdict.version }
      continue
    }
    if (verdict.action === 'fall-back') {
      if (era === 'modern') {
        throw new LocalError(
          'protocol',
          `${url} does not speak MCP 2026-07-28 (${verdict.reason}), and only the modern era was asked for`,
          { method: 'server/discover', url, status: outcome.status },
        )
      }
      return { era: 'legacy', version: verdict.version, reason: verdict.reason }
    }
    if (verdict.action === 'fail' && verdict.era === 'modern' && verdict.error !== undefined) {
      throw McpError.fromErrorObject(verdict.error)
    }
    if (outcome.type === 'status') throw outcome.error
    const reason =
      verdict.action === 'fail' ? verdict.reason : 'The server kept refusing the version'
    throw new LocalError('protocol', `server/discover on ${url}: ${reason}`, {
      method: 'server/discover',
      url,
      status: outcome.status,
    })
  }
}

let probeCounter = 0

function probe(options: NegotiateEraOptions, identity: ModernIdentity) {
  const params = withModernMeta({}, identity)
  return exchange({
    http: options.http,
    url: options.url,
    message: {
      jsonrpc: '2.0',
      id: `discover-${String(++probeCounter)}`,
      method: 'server/discover',
      params,
    },
    headers: modernHeaders(
      { method: 'server/discover', params },
      { protocolVersion: identity.protocolVersion },
    ),
    signal: options.signal,
    timeout: options.timeout ?? 30_000,
    idempotent: true,
  })
}
