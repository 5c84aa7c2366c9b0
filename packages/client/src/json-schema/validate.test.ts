import { describe, expect, it } from 'vitest'
import { validateJsonSchema } from './validate.js'

const weather = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    temperature: { type: 'number', minimum: -100, maximum: 100 },
    conditions: { type: 'string', enum: ['sunny', 'cloudy', 'rain'] },
    station: { $ref: '#/$defs/station' },
    readings: { type: 'array', items: { type: 'integer' }, minItems: 1 },
  },
  required: ['temperature', 'conditions'],
  additionalProperties: false,
  $defs: {
    station: {
      type: 'object',
      properties: { id: { type: 'string', pattern: '^[A-Z]{4}$' } },
      required: ['id'],
    },
  },
}

describe('validateJsonSchema', () => {
  it('accepts a value that matches', () => {
    const value = {
      temperature: 21.5,
      conditions: 'sunny',
      station: { id: 'KSFO' },
      readings: [1, 2],
    }
    expect(validateJsonSchema(weather, value)).toEqual([])
  })

  it('names where and how a value breaks its schema', () => {
    const value = { temperature: 'hot', station: { id: 'sfo' }, readings: [1.5], extra: true }
    expect(validateJsonSchema(weather, value)).toEqual([
      { path: '', message: 'must have property "conditions"' },
      { path: '/temperature', message: 'must be number' },
      { path: '/station/id', message: 'must match ^[A-Z]{4}$' },
      { path: '/readings/0', message: 'must be integer' },
      { path: '', message: 'must not have additional property "extra"' },
    ])
  })

  it('checks bounds, enums and constants', () => {
    expect(validateJsonSchema(weather, { temperature: 101, conditions: 'snow' })).toEqual([
      { path: '/temperature', message: 'must be <= 100' },
      { path: '/conditions', message: 'must be one of ["sunny","cloudy","rain"]' },
    ])
    expect(validateJsonSchema({ const: { a: [1] } }, { a: [1] })).toEqual([])
    expect(validateJsonSchema({ const: { a: [1] } }, { a: [2] })).toHaveLength(1)
  })

  it('supports anyOf, oneOf, allOf, not and if/then/else', () => {
    const schema = {
      anyOf: [{ type: 'string' }, { type: 'number' }],
      not: { const: 0 },
      if: { type: 'number' },
      then: { minimum: 1 },
    }
    expect(validateJsonSchema(schema, 'x')).toEqual([])
    expect(validateJsonSchema(schema, 5)).toEqual([])
    expect(validateJsonSchema(schema, 0).map((issue) => issue.message)).toEqual([
      'must not match the schema in not',
      'must be >= 1',
    ])
    expect(validateJsonSchema(schema, true)).toEqual([
      { path: '', message: 'must match a schema in anyOf' },
    ])
    const one = { oneOf: [{ type: 'integer' }, { type: 'number' }] }
    expect(validateJsonSchema(one, 1.5)).toEqual([])
    expect(validateJsonSchema(one, 1)).toEqual([
      { path: '', message: 'must match exactly one schema in oneOf' },
    ])
  })

  it('reads draft-07 definitions and array-form items', () => {
    const schema = {
      definitions: {
        pair: {
          type: 'array',
          items: [{ type: 'string' }, { type: 'number' }],
          additionalItems: false,
        },
      },
      $ref: '#/definitions/pair',
    }
    expect(validateJsonSchema(schema, ['a', 1])).toEqual([])
    expect(validateJsonSchema(schema, [1, 'a', null]).map((issue) => issue.path)).toEqual([
      '/0',
      '/1',
      '/2',
    ])
  })

  it('treats unknown keywords and remote references as no constraint', () => {
    expect(
      validateJsonSchema({ format: 'email', $ref: 'https://example.com/s.json' }, 'x'),
    ).toEqual([])
  })

  it('survives a recursive schema', () => {
    const tree = {
      type: 'object',
      properties: { children: { type: 'array', items: { $ref: '#' } } },
    }
    expect(validateJsonSchema(tree, { children: [{ children: [{ children: 'no' }] }] })).toEqual([
      { path: '/children/0/children/0/children', message: 'must be array' },
    ])
  })
})
