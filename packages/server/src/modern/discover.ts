/**
 * `server/discover` and the capabilities a 2026-07-28 server advertises, and which methods
 * those capabilities make available.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/discover
 * @module
 */
import type { ServerCapabilities } from '../types.js'
import type { ResolvedCacheHint } from './caching.js'
import { completeResult } from './meta.js'

/** What `server/discover` reports. */
export interface DiscoverSource {
  /** The server's name and version, for `_meta["io.modelcontextprotocol/serverInfo"]`. */
  serverInfo: { name: string; version: string; [key: string]: unknown }
  /** Guidance for the model. */
  instructions?: string | undefined
  /** The capabilities, as the server declares them (legacy fields are dropped). */
  capabilities: ServerCapabilities
  /** Every protocol version the server speaks, modern and legacy. */
  supportedVersions: readonly string[]
  /** The caching hint of the result. */
  cache: ResolvedCacheHint
}

/**
 * The capabilities as 2026-07-28 has them: `tasks` moved to an extension and leaves the core
 * object; everything else (`extensions` included) is kept.
 */
export function modernCapabilities(capabilities: ServerCapabilities): Record<string, unknown> {
  const { tasks: _tasks, ...rest } = capabilities as ServerCapabilities & { tasks?: unknown }
  return rest
}

/**
 * The result of `server/discover`: versions newest first, the capabilities, the instructions,
 * the caching hint, `resultType` and `serverInfo`.
 *
 * @example
 * ```ts
 * discoverResult({
 *   serverInfo: { name: 'weather', version: '1.0.0' },
 *   capabilities: { tools: { listChanged: true } },
 *   supportedVersions: ['2025-11-25', '2026-07-28'],
 *   cache: { ttlMs: 3_600_000, cacheScope: 'public' },
 * })
 * // { supportedVersions: ['2026-07-28', '2025-11-25'], capabilities: { tools: ... }, ttlMs: 3600000,
 * //   cacheScope: 'public', resultType: 'complete', _meta: { 'io.modelcontextprotocol/serverInfo': ... } }
 * ```
 */
export function discoverResult(source: DiscoverSource): Record<string, unknown> {
  const result: Record<string, unknown> = {
    supportedVersions: [...source.supportedVersions].sort().reverse(),
    capabilities: modernCapabilities(source.capabilities),
  }
  if (source.instructions !== undefined) result.instructions = source.instructions
  result.ttlMs = source.cache.ttlMs
  result.cacheScope = source.cache.cacheScope
  return completeResult(result, source.serverInfo)
}

/** The capability a method needs the server to have declared. */
const METHOD_CAPABILITY: Readonly<Record<string, keyof ServerCapabilities>> = {
  'tools/list': 'tools',
  'tools/call': 'tools',
  'prompts/list': 'prompts',
  'prompts/get': 'prompts',
  'resources/list': 'resources',
  'resources/templates/list': 'resources',
  'resources/read': 'resources',
  'completion/complete': 'completions',
}

/**
 * The server capability a method depends on, when the server lacks it (the method is then
 * answered `404` + `-32601`, as for any method the server does not implement); `undefined` when
 * the method is available.
 */
export function missingServerCapability(
  method: string,
  capabilities: ServerCapabilities,
): string | undefined {
  const needed = METHOD_CAPABILITY[method]
  if (needed === undefined) return undefined
  return capabilities[needed] === undefined ? needed : undefined
}
