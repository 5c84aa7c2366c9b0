import { describe, expect, it } from 'vitest'
import { cacheKey, ResultCache } from './result-cache.js'

function clock() {
  const time = { now: 1_000 }
  return { time, cache: new ResultCache({ now: () => time.now }) }
}

const page = (ttlMs?: number) => ({
  tools: [{ name: 'echo' }],
  resultType: 'complete',
  ...(ttlMs === undefined ? {} : { ttlMs, cacheScope: 'public' }),
})

describe('ResultCache', () => {
  it('serves a result while its ttlMs says it is fresh, and not after', () => {
    const { time, cache } = clock()
    cache.store('tools/list', {}, page(500))
    time.now += 499
    expect(cache.lookup('tools/list', {})).toEqual(page(500))
    time.now += 1
    expect(cache.lookup('tools/list', {})).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('keeps nothing whose ttlMs is zero, negative or absent, or that is not cacheable', () => {
    const { cache } = clock()
    cache.store('tools/list', {}, page(0))
    cache.store('prompts/list', {}, { prompts: [], ttlMs: -5 })
    cache.store('resources/list', {}, page())
    cache.store('tools/call', { name: 'x' }, { content: [], ttlMs: 1_000 })
    expect(cache.size).toBe(0)
  })

  it('never keeps or serves the answer to a multi round-trip retry', () => {
    const { cache } = clock()
    cache.store('resources/read', { uri: 'a', requestState: 's' }, { contents: [], ttlMs: 1_000 })
    expect(cache.size).toBe(0)
    cache.store('resources/read', { uri: 'a' }, { contents: [], ttlMs: 1_000 })
    expect(cache.lookup('resources/read', { uri: 'a', inputResponses: {} })).toBeUndefined()
    expect(cache.lookup('resources/read', { uri: 'a' })).toBeDefined()
  })

  it('keys by method and params, ignoring _meta and key order', () => {
    const { cache } = clock()
    cache.store('resources/read', { uri: 'a', x: { b: 1, a: 2 } }, { contents: [1], ttlMs: 100 })
    expect(
      cache.lookup('resources/read', { x: { a: 2, b: 1 }, uri: 'a', _meta: { progressToken: 3 } }),
    ).toMatchObject({ contents: [1] })
    expect(cache.lookup('resources/read', { uri: 'b' })).toBeUndefined()
    expect(cache.lookup('tools/list', { cursor: 'p2' })).toBeUndefined()
    expect(cacheKey('tools/list', undefined)).toBe(cacheKey('tools/list', { _meta: {} }))
  })

  it('hands out copies, so a caller cannot change what the next one gets', () => {
    const { cache } = clock()
    const result = page(100)
    cache.store('tools/list', {}, result)
    result.tools.push({ name: 'changed after' })
    const first = cache.lookup('tools/list', {}) as { tools: unknown[] }
    first.tools.length = 0
    expect(cache.lookup('tools/list', {})).toEqual(page(100))
  })

  it('drops what a notification made stale, and the oldest past maxEntries', () => {
    const { cache } = clock()
    cache.store('resources/read', { uri: 'a' }, { contents: [], ttlMs: 100 })
    cache.store('resources/read', { uri: 'b' }, { contents: [], ttlMs: 100 })
    cache.invalidate('resources/read', (params) => params?.uri === 'a')
    expect(cache.lookup('resources/read', { uri: 'a' })).toBeUndefined()
    expect(cache.lookup('resources/read', { uri: 'b' })).toBeDefined()

    const small = new ResultCache({ maxEntries: 2 })
    for (const uri of ['1', '2', '3']) small.store('resources/read', { uri }, { ttlMs: 100 })
    expect(small.lookup('resources/read', { uri: '1' })).toBeUndefined()
    expect(small.lookup('resources/read', { uri: '3' })).toBeDefined()
    small.clear()
    expect(small.size).toBe(0)
  })

  it('drops what a change notification made stale, and nothing else', () => {
    const { cache } = clock()
    const fill = () => {
      cache.store('tools/list', {}, page(100))
      cache.store('prompts/list', {}, { prompts: [], ttlMs: 100 })
      cache.store('resources/list', {}, { resources: [], ttlMs: 100 })
      cache.store('resources/templates/list', {}, { resourceTemplates: [], ttlMs: 100 })
      cache.store('resources/read', { uri: 'a' }, { contents: [], ttlMs: 100 })
      cache.store('resources/read', { uri: 'b' }, { contents: [], ttlMs: 100 })
    }
    fill()
    cache.notified('notifications/message', { level: 'info' })
    expect(cache.size).toBe(6)
    cache.notified('notifications/tools/list_changed', {})
    expect(cache.lookup('tools/list', {})).toBeUndefined()
    cache.notified('notifications/resources/list_changed', {})
    expect(cache.lookup('resources/list', {})).toBeUndefined()
    expect(cache.lookup('resources/templates/list', {})).toBeUndefined()
    cache.notified('notifications/resources/updated', { uri: 'b' })
    expect(cache.lookup('resources/read', { uri: 'b' })).toBeUndefined()
    expect(cache.lookup('resources/read', { uri: 'a' })).toBeDefined()
    cache.notified('notifications/prompts/list_changed', undefined)
    expect(cache.size).toBe(1)
  })
})
