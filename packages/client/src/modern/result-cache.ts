/**
 * Results cached by their `ttlMs` (SEP-2549): discover, the lists and `resources/read`, keyed by
 * method and params, fresh until `ttlMs` after they arrived, dropped when a notification says
 * what they hold changed.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching
 * @module
 */
import { isCacheableRequest } from '@mcp-sse/protocol'

type Params = Record<string, unknown>

/** Options of {@link ResultCache}. */
export interface ResultCacheOptions {
  /**
   * The most results kept; the oldest go first.
   * @default 256
   */
  maxEntries?: number | undefined
  /** The clock, in milliseconds. @default Date.now */
  now?: (() => number) | undefined
}

interface Entry {
  method: string
  params: Params | undefined
  result: Params
  expires: number
}

/**
 * The results one client may reuse. One cache belongs to one client, so to one authorization
 * context: results with `cacheScope: "private"` are reused by nobody else, and `"public"` ones
 * are not shared further either.
 */
export class ResultCache {
  readonly #entries = new Map<string, Entry>()
  readonly #maxEntries: number
  readonly #now: () => number

  constructor(options: ResultCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 256
    this.#now = options.now ?? Date.now
  }

  /** A fresh copy of the cached result of this request, if there is one that is still fresh. */
  lookup(method: string, params: Params | undefined): Params | undefined {
    if (!isCacheableRequest(method, params)) return undefined
    const key = cacheKey(method, params)
    const entry = this.#entries.get(key)
    if (entry === undefined) return undefined
    if (this.#now() >= entry.expires) {
      this.#entries.delete(key)
      return undefined
    }
    return structuredClone(entry.result)
  }

  /**
   * Keeps a complete result for its `ttlMs`. Nothing is kept for a method that is not cacheable,
   * a multi round-trip retry (its answer depends on `inputResponses`), or a `ttlMs` that is
   * absent, zero or negative (immediately stale).
   */
  store(method: string, params: Params | undefined, result: Params): void {
    if (!isCacheableRequest(method, params)) return
    const ttl = result.ttlMs
    if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0) return
    const key = cacheKey(method, params)
    this.#entries.delete(key)
    this.#entries.set(key, {
      method,
      params,
      result: structuredClone(result),
      expires: this.#now() + ttl,
    })
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value
      if (oldest !== undefined) this.#entries.delete(oldest)
    }
  }

  /** Drops every cached result of `method` (whose params `match`, when given). */
  invalidate(method: string, match?: (params: Params | undefined) => boolean): void {
    for (const [key, entry] of this.#entries) {
      if (entry.method === method && (match === undefined || match(entry.params))) {
        this.#entries.delete(key)
      }
    }
  }

  /**
   * Drops what a change notification made stale: a list on its `list_changed`, a resource's
   * reads on its `resources/updated`. Other notifications change nothing.
   */
  notified(method: string, params: Params | undefined): void {
    switch (method) {
      case 'notifications/tools/list_changed':
        this.invalidate('tools/list')
        break
      case 'notifications/prompts/list_changed':
        this.invalidate('prompts/list')
        break
      case 'notifications/resources/list_changed':
        this.invalidate('resources/list')
        this.invalidate('resources/templates/list')
        break
      case 'notifications/resources/updated':
        this.invalidate('resources/read', (read) => read?.uri === params?.uri)
        break
    }
  }

  /** Drops everything (after a subscription gap, when notifications may have been missed). */
  clear(): void {
    this.#entries.clear()
  }

  /** How many results are kept, fresh or not. */
  get size(): number {
    return this.#entries.size
  }
}

/**
 * What identifies a cached result: the method and the params that affect the result. `_meta`
 * (progress token, protocol envelope) does not, and key order does not either.
 */
export function cacheKey(method: string, params: Params | undefined): string {
  const { _meta: _ignored, ...rest } = params ?? {}
  return `${method} ${canonical(rest)}`
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((entry) => canonical(entry ?? null)).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const record = value as Params
    const entries = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
