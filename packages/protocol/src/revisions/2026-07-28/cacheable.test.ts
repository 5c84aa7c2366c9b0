import { describe, expect, it } from 'vitest'
import { definitions, exampleOf } from './__fixtures__/official.js'
import { CACHEABLE_RESULTS, isCacheableMethod, isCacheableRequest } from './cacheable.js'
import { methods } from './methods.js'

describe('CACHEABLE_RESULTS', () => {
  it('names exactly the results of schema.json that require ttlMs and cacheScope', () => {
    const cacheable = Object.entries(definitions)
      .filter(([, definition]) => {
        const required = definition.required ?? []
        return required.includes('ttlMs') && required.includes('cacheScope')
      })
      .map(([name]) => name)
      .filter((name) => name !== 'CacheableResult')
    expect(Object.values(CACHEABLE_RESULTS).sort()).toEqual(cacheable.sort())
  })

  it.each(Object.entries(CACHEABLE_RESULTS))(
    '%s answers with %s, which is invalid without its caching hints',
    (method, result) => {
      const schema = methods.clientRequests[method as keyof typeof methods.clientRequests].result
      const example = exampleOf(result)
      expect(schema.safeParse(example).success).toBe(true)
      expect(schema.safeParse({ ...example, ttlMs: undefined }).success).toBe(false)
      expect(schema.safeParse({ ...example, cacheScope: undefined }).success).toBe(false)
    },
  )

  it('leaves the other methods uncacheable', () => {
    expect(isCacheableMethod('tools/list')).toBe(true)
    expect(isCacheableMethod('tools/call')).toBe(false)
    expect(isCacheableMethod('toString')).toBe(false)
  })
})

describe('isCacheableRequest', () => {
  it('caches a first read but never a multi round-trip retry', () => {
    const params = { uri: 'file:///a', _meta: {} }
    expect(isCacheableRequest('resources/read', params)).toBe(true)
    expect(isCacheableRequest('resources/read', { ...params, requestState: 's' })).toBe(false)
    expect(isCacheableRequest('resources/read', { ...params, inputResponses: {} })).toBe(false)
  })

  it('never caches a method outside the list', () => {
    expect(isCacheableRequest('tools/call', { name: 'echo' })).toBe(false)
  })
})
