/**
 * The caching hints `ttlMs` and `cacheScope` that 2026-07-28 requires on the complete results of
 * `server/discover`, the four list methods and `resources/read`: configured per server, per
 * method and per definition.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching
 * @module
 */
import { isCacheableMethod, type CacheableMethod } from '@mcp-sse/protocol'

/** Who may cache a result: anyone (`public`) or only the same authorization context (`private`). */
export type CacheScope = 'public' | 'private'

/** A caching hint; a missing field is taken from the next, less specific level. */
export interface CacheHint {
  /** How long the client may consider the result fresh, in milliseconds (an integer ≥ 0). */
  ttlMs?: number
  /** Who may cache the result. */
  cacheScope?: CacheScope
}

/** The hint put on a result: both fields set. */
export interface ResolvedCacheHint {
  ttlMs: number
  cacheScope: CacheScope
}

/**
 * Server-wide caching hints (an option of the server).
 *
 * @example
 * ```ts
 * const caching: CachingOptions = {
 *   default: { ttlMs: 60_000, cacheScope: 'public' },
 *   methods: { 'resources/read': { cacheScope: 'private' } },
 * }
 * ```
 */
export interface CachingOptions {
  /**
   * For every cacheable result.
   * @default { ttlMs: 0, cacheScope: 'private' }: immediately stale and never shared, which is
   *   right for any server; say more when you know your data.
   */
  default?: CacheHint
  /** Per method, over `default`. */
  methods?: Partial<Record<CacheableMethod, CacheHint>>
}

/** The kinds of definition that can carry their own hint (their `cache` config field). */
export type DefinitionKind = 'tool' | 'prompt' | 'resource' | 'resourceTemplate'

/**
 * Where per-definition hints come from: the server's registries.
 *
 * - `resources/read` takes the hint of the resource read, over the method's.
 * - A list page's `ttlMs` is the smallest of the method's and those of the definitions on the
 *   page (a list is as fresh as its most volatile entry).
 * - A list's `cacheScope` is `private` on every page when any definition of the kind is private
 *   (the spec wants one scope for all pages of a list).
 */
export interface DefinitionCacheHints {
  /**
   * The hint of one definition: `key` is the tool or prompt name, the template's URI template,
   * or for `resource` the URI read or listed (the lookup resolves templates).
   */
  get(kind: DefinitionKind, key: string): CacheHint | undefined
  /** Whether any definition of the kind is `private`. */
  anyPrivate(kind: DefinitionKind): boolean
}

const DEFAULT_HINT: ResolvedCacheHint = { ttlMs: 0, cacheScope: 'private' }

interface ListShape {
  field: string
  kinds: readonly DefinitionKind[]
  key: string
}

const LISTS: Partial<Record<CacheableMethod, ListShape>> = {
  'tools/list': { field: 'tools', kinds: ['tool'], key: 'name' },
  'prompts/list': { field: 'prompts', kinds: ['prompt'], key: 'name' },
  'resources/list': { field: 'resources', kinds: ['resource', 'resourceTemplate'], key: 'uri' },
  'resources/templates/list': {
    field: 'resourceTemplates',
    kinds: ['resourceTemplate'],
    key: 'uriTemplate',
  },
}

function ttl(value: number | undefined, fallback: number): number {
  // The spec requires an integer >= 0; a bad configuration must not put an invalid one on the wire.
  if (value === undefined || !Number.isFinite(value) || value < 0) return fallback
  return Math.floor(value)
}

function merge(base: ResolvedCacheHint, hint: CacheHint | undefined): ResolvedCacheHint {
  if (hint === undefined) return base
  return { ttlMs: ttl(hint.ttlMs, base.ttlMs), cacheScope: hint.cacheScope ?? base.cacheScope }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The hint of one complete result of a cacheable method; `undefined` for any other method.
 *
 * @param params - the request's params (`uri` for `resources/read`).
 * @param result - the result, to find the definitions on a list page.
 */
export function cacheHintFor(
  method: string,
  params: Record<string, unknown>,
  result: Record<string, unknown>,
  options: CachingOptions = {},
  definitions?: DefinitionCacheHints,
): ResolvedCacheHint | undefined {
  if (!isCacheableMethod(method)) return undefined
  const base = merge(merge(DEFAULT_HINT, options.default), options.methods?.[method])
  if (definitions === undefined) return base
  if (method === 'resources/read') {
    return typeof params.uri === 'string'
      ? merge(base, definitions.get('resource', params.uri))
      : base
  }
  const list = LISTS[method]
  if (list === undefined) return base
  let ttlMs = base.ttlMs
  const entries = result[list.field]
  if (Array.isArray(entries)) {
    for (const entry of entries) {
      const key = isRecord(entry) ? entry[list.key] : undefined
      if (typeof key !== 'string') continue
      const hint = definitions.get(list.kinds[0] ?? 'tool', key)
      ttlMs = Math.min(ttlMs, ttl(hint?.ttlMs, ttlMs))
    }
  }
  const anyPrivate = list.kinds.some((kind) => definitions.anyPrivate(kind))
  return { ttlMs, cacheScope: anyPrivate ? 'private' : base.cacheScope }
}
