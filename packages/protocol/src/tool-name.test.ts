import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TOOL_NAME_MAX_LENGTH, validateToolName } from './tool-name.js'

describe('validateToolName', () => {
  it('accepts the examples of the spec', () => {
    for (const name of ['getUser', 'DATA_EXPORT_v2', 'admin.tools.list']) {
      expect(validateToolName(name)).toEqual({ valid: true, severity: undefined, problems: [] })
    }
  })

  it('accepts every allowed character, at both ends too', () => {
    const all = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.'
    expect(validateToolName(all).valid).toBe(true)
    for (const name of ['-x', 'x-', '.x', 'x.', '_', '9', '...']) {
      expect(validateToolName(name).valid).toBe(true)
    }
  })

  it('is case-sensitive: names that differ only in case are both valid and kept apart', () => {
    expect(validateToolName('getUser').valid).toBe(true)
    expect(validateToolName('GETUSER').valid).toBe(true)
  })

  it('allows 1 to 128 characters', () => {
    expect(validateToolName('a').valid).toBe(true)
    expect(validateToolName('a'.repeat(TOOL_NAME_MAX_LENGTH)).valid).toBe(true)
    expect(TOOL_NAME_MAX_LENGTH).toBe(128)
  })

  it('warns about an empty name', () => {
    const result = validateToolName('')
    expect(result).toMatchObject({ valid: false, severity: 'warning' })
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]).toMatch(/empty/)
  })

  it('warns about a name longer than 128 characters and says how long it is', () => {
    const result = validateToolName('a'.repeat(129))
    expect(result).toMatchObject({ valid: false, severity: 'warning' })
    expect(result.problems[0]).toContain('129')
  })

  it('warns about spaces, commas and other special characters, naming each once', () => {
    const space = validateToolName('get user')
    expect(space).toMatchObject({ valid: false, severity: 'warning' })
    expect(space.problems[0]).toContain('space')

    const many = validateToolName('a,b,c/d:e@f')
    expect(many.problems).toHaveLength(1)
    expect(many.problems[0]).toContain('comma')
    expect(many.problems[0]).toContain('"/"')
    expect(many.problems[0]).toContain('":"')
    expect(many.problems[0]).toContain('"@"')
    expect(many.problems[0]?.match(/comma/g)).toHaveLength(1)
  })

  it('warns about non-ASCII letters and shows invisible characters by code point', () => {
    expect(validateToolName('café').problems[0]).toContain('"é" (U+00E9)')
    expect(validateToolName('tool\n').problems[0]).toContain('U+000A')
    expect(validateToolName('tool\u200b').problems[0]).toContain('U+200B')
    expect(validateToolName('🔧').problems[0]).toContain('U+1F527')
  })

  it('counts characters, not UTF-16 units', () => {
    const result = validateToolName('🔧'.repeat(100))
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]).not.toMatch(/long/)
  })

  it('reports every broken rule at once', () => {
    expect(validateToolName(' '.repeat(130)).problems).toHaveLength(2)
  })

  it('reports a name that is not a string as an error', () => {
    for (const name of [undefined, null, 42, {}, ['a']]) {
      const result = validateToolName(name)
      expect(result).toMatchObject({ valid: false, severity: 'error' })
      expect(result.problems[0]).toMatch(/must be a string/)
    }
  })

  it('agrees with the SEP-986 pattern for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 140 }), (name) => {
        const expected = /^[A-Za-z0-9_.-]{1,128}$/.test(name)
        const result = validateToolName(name)
        expect(result.valid).toBe(expected)
        expect(result.problems.length === 0).toBe(expected)
        expect(result.severity).toBe(expected ? undefined : 'warning')
      }),
    )
  })
})
