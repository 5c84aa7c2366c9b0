import { describe, expect, it } from 'vitest'
import { replaceAt } from './json-path.js'
import { wrongTypedValues } from './mutate.js'
import { jsonTypeOf, type JsonType } from './schema-walk.js'

describe('wrongTypedValues', () => {
  it.each<JsonType[]>([
    ['string'],
    ['object'],
    ['array'],
    ['integer'],
    ['string', 'integer'],
    ['null'],
  ])('never returns a value of an admitted type (%s)', (...types) => {
    const admitted = new Set<JsonType>(types)
    // `number` admits integers, as in JSON Schema.
    const values = wrongTypedValues(admitted)
    expect(values.length).toBeGreaterThan(0)
    for (const value of values) expect(admitted.has(jsonTypeOf(value))).toBe(false)
  })

  it('tries an array where an object is expected, and a fraction where an integer is', () => {
    expect(wrongTypedValues(new Set(['object']))).toContainEqual([])
    expect(wrongTypedValues(new Set(['integer']))).toContainEqual(1.5)
  })

  it('returns nothing when every type is admitted', () => {
    const all = new Set<JsonType>([
      'null',
      'boolean',
      'integer',
      'number',
      'string',
      'array',
      'object',
    ])
    expect(wrongTypedValues(all)).toEqual([])
  })
})

describe('replaceAt', () => {
  it('copies the path it changes and leaves the original alone', () => {
    const original = { a: [{ b: 1 }, { b: 2 }], c: 'x' }
    const changed = replaceAt(original, ['a', 1, 'b'], 'two')
    expect(changed).toEqual({ a: [{ b: 1 }, { b: 'two' }], c: 'x' })
    expect(original).toEqual({ a: [{ b: 1 }, { b: 2 }], c: 'x' })
  })

  it('deletes a property when the new value is undefined', () => {
    expect(replaceAt({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 })
  })
})
