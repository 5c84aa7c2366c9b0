import { describe, expect, it } from 'vitest'
import { createSessionId, isWellFormedSessionId } from './session-id.js'

describe('createSessionId', () => {
  it('makes 22-character base64url ids that never repeat', () => {
    const ids = new Set<string>()
    for (let index = 0; index < 10_000; index++) {
      const id = createSessionId()
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
      ids.add(id)
    }
    expect(ids.size).toBe(10_000)
  })

  it('makes ids the spec accepts (visible ASCII)', () => {
    expect(isWellFormedSessionId(createSessionId())).toBe(true)
  })
})

describe('isWellFormedSessionId', () => {
  it('rejects empty, over-long and non-visible values', () => {
    expect(isWellFormedSessionId('')).toBe(false)
    expect(isWellFormedSessionId('a'.repeat(129))).toBe(false)
    expect(isWellFormedSessionId('has space')).toBe(false)
    expect(isWellFormedSessionId('tab\t')).toBe(false)
    expect(isWellFormedSessionId('é')).toBe(false)
    expect(isWellFormedSessionId('abc-DEF_123.~')).toBe(true)
  })
})
