import { describe, expect, it } from 'vitest'
import { applyElicitationDefaults } from './defaults.js'

// The schema the official conformance scenario `elicitation-sep1034-client-defaults` sends.
const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', default: 'John Doe' },
    age: { type: 'integer', default: 30 },
    score: { type: 'number', default: 95.5 },
    status: { type: 'string', enum: ['active', 'inactive', 'pending'], default: 'active' },
    verified: { type: 'boolean', default: true },
    tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, default: ['a'] },
    email: { type: 'string' },
  },
}

describe('applyElicitationDefaults', () => {
  it('fills every field left out with its default', () => {
    expect(applyElicitationDefaults(schema)).toEqual({
      name: 'John Doe',
      age: 30,
      score: 95.5,
      status: 'active',
      verified: true,
      tags: ['a'],
    })
  })

  it('keeps what the user answered, falsy values included', () => {
    const filled = applyElicitationDefaults(schema, {
      name: '',
      verified: false,
      age: 0,
      email: 'x@y.z',
    })
    expect(filled).toMatchObject({ name: '', verified: false, age: 0, email: 'x@y.z', score: 95.5 })
  })

  it('ignores defaults an elicitation answer cannot hold', () => {
    const odd = { properties: { a: { default: { nested: true } }, b: { default: [1, 2] }, c: {} } }
    expect(applyElicitationDefaults(odd, {})).toEqual({})
  })

  it('does not share a default array with the schema', () => {
    const filled = applyElicitationDefaults(schema)
    ;(filled.tags as string[]).push('b')
    expect(schema.properties.tags.default).toEqual(['a'])
  })
})
