import { describe, expect, it } from 'vitest'
import {
  cacheHintFor,
  type CacheHint,
  type DefinitionCacheHints,
  type DefinitionKind,
} from './caching.js'

function hints(
  table: Partial<Record<DefinitionKind, Record<string, CacheHint>>>,
): DefinitionCacheHints {
  return {
    get: (kind, key) => table[kind]?.[key],
    anyPrivate: (kind) =>
      Object.values(table[kind] ?? {}).some((hint) => hint.cacheScope === 'private'),
  }
}

describe('cacheHintFor', () => {
  it('defaults to immediately stale and private, and only for cacheable methods', () => {
    expect(cacheHintFor('tools/list', {}, { tools: [] })).toEqual({
      ttlMs: 0,
      cacheScope: 'private',
    })
    expect(cacheHintFor('tools/call', {}, {})).toBeUndefined()
    expect(cacheHintFor('completion/complete', {}, {})).toBeUndefined()
  })

  it('takes the method entry over the server default', () => {
    const options = {
      default: { ttlMs: 60_000, cacheScope: 'public' as const },
      methods: { 'resources/read': { cacheScope: 'private' as const } },
    }
    expect(cacheHintFor('server/discover', {}, {}, options)).toEqual({
      ttlMs: 60_000,
      cacheScope: 'public',
    })
    expect(cacheHintFor('resources/read', { uri: 'a' }, {}, options)).toEqual({
      ttlMs: 60_000,
      cacheScope: 'private',
    })
  })

  it('never puts an invalid ttlMs on the wire', () => {
    expect(cacheHintFor('tools/list', {}, {}, { default: { ttlMs: -5 } })?.ttlMs).toBe(0)
    expect(cacheHintFor('tools/list', {}, {}, { default: { ttlMs: 1500.7 } })?.ttlMs).toBe(1500)
    expect(cacheHintFor('tools/list', {}, {}, { default: { ttlMs: Number.NaN } })?.ttlMs).toBe(0)
  })

  it('lets a resource override the hint of its read', () => {
    const definitions = hints({
      resource: { 'user://me': { ttlMs: 5_000, cacheScope: 'private' } },
    })
    const options = { default: { ttlMs: 60_000, cacheScope: 'public' as const } }
    expect(cacheHintFor('resources/read', { uri: 'user://me' }, {}, options, definitions)).toEqual({
      ttlMs: 5_000,
      cacheScope: 'private',
    })
    expect(cacheHintFor('resources/read', { uri: 'docs://a' }, {}, options, definitions)).toEqual({
      ttlMs: 60_000,
      cacheScope: 'public',
    })
  })

  it('gives a list page the shortest ttl on it and one scope for every page', () => {
    const definitions = hints({
      tool: { a: { ttlMs: 1_000 }, b: { ttlMs: 90_000 }, c: { cacheScope: 'private' } },
    })
    const options = { default: { ttlMs: 60_000, cacheScope: 'public' as const } }
    const page1 = cacheHintFor(
      'tools/list',
      {},
      { tools: [{ name: 'a' }, { name: 'b' }] },
      options,
      definitions,
    )
    const page2 = cacheHintFor(
      'tools/list',
      { cursor: 'x' },
      { tools: [{ name: 'b' }] },
      options,
      definitions,
    )
    expect(page1).toEqual({ ttlMs: 1_000, cacheScope: 'private' })
    expect(page2).toEqual({ ttlMs: 60_000, cacheScope: 'private' })
    const prompts = cacheHintFor(
      'prompts/list',
      {},
      { prompts: [{ name: 'p' }] },
      options,
      definitions,
    )
    expect(prompts).toEqual({ ttlMs: 60_000, cacheScope: 'public' })
  })
})
