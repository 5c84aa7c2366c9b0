/**
 * Which 2026-07-28 results carry the caching hints `ttlMs` and `cacheScope`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching
 * @module
 */
import { isJsonObject } from '../../jsonrpc/inspect.js'

/**
 * The methods whose `"complete"` results MUST carry `ttlMs` and `cacheScope`, and the result
 * type each returns. Nothing else is cacheable, and neither is an `"input_required"` result.
 *
 * @example
 * ```ts
 * if (isCacheableMethod(method)) result = { ...result, ttlMs: 60_000, cacheScope: 'public' }
 * ```
 */
export const CACHEABLE_RESULTS = {
  'server/discover': 'DiscoverResult',
  'tools/list': 'ListToolsResult',
  'prompts/list': 'ListPromptsResult',
  'resources/list': 'ListResourcesResult',
  'resources/templates/list': 'ListResourceTemplatesResult',
  'resources/read': 'ReadResourceResult',
} as const

/** A method whose result carries `ttlMs` and `cacheScope`. */
export type CacheableMethod = keyof typeof CACHEABLE_RESULTS

/**
 * Whether `method`'s complete results carry `ttlMs` and `cacheScope`.
 *
 * @example
 * ```ts
 * isCacheableMethod('tools/list') // true
 * isCacheableMethod('tools/call') // false
 * ```
 */
export function isCacheableMethod(method: string): method is CacheableMethod {
  return Object.hasOwn(CACHEABLE_RESULTS, method)
}

/**
 * Whether a client may cache the result of this request: the method is cacheable and the request
 * is not a multi round-trip retry. A retry's result depends on `inputResponses` and
 * `requestState`, which are not part of the cache key, so it MUST NOT be cached.
 *
 * @param method - The request's method.
 * @param params - The request's params, as sent.
 * @example
 * ```ts
 * isCacheableRequest('resources/read', { uri: 'file:///a.txt', _meta }) // true
 * isCacheableRequest('resources/read', { uri: 'file:///a.txt', _meta, requestState: 's' }) // false
 * ```
 */
export function isCacheableRequest(method: string, params: unknown): boolean {
  if (!isCacheableMethod(method)) return false
  if (!isJsonObject(params)) return true
  return !('inputResponses' in params) && !('requestState' in params)
}
