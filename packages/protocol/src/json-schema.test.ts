import Ajv2020Module from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import * as zm from 'zod/mini'
import { isZodSchema, toJsonSchema } from './json-schema.js'

// ajv is a CommonJS module whose `default` export is the class itself.
const Ajv2020 = Ajv2020Module.default

function validator(schema: object): (value: unknown) => boolean {
  const ajv = new Ajv2020({ strict: false })
  const validate = ajv.compile(schema)
  return (value) => validate(value)
}

const DIALECT_2020_12 = 'https://json-schema.org/draft/2020-12/schema'

/** The kind of schema the conformance scenario json-schema-2020-12 lists and checks. */
function conformanceLikeSchema(): Record<string, unknown> {
  return {
    $schema: DIALECT_2020_12,
    type: 'object',
    $defs: {
      postalAddress: {
        $anchor: 'address',
        type: 'object',
        properties: {
          street: { type: 'string' },
          city: { type: 'string' },
          geo: {
            type: 'object',
            properties: { lat: { type: 'number' }, lon: { type: 'number' } },
            required: ['lat', 'lon'],
            additionalProperties: false,
          },
        },
        required: ['city'],
      },
    },
    properties: {
      name: { type: 'string', minLength: 1 },
      home: { $ref: '#/$defs/postalAddress' },
      work: { $ref: '#address' },
      kind: { enum: ['person', 'company'] },
    },
    if: { properties: { kind: { const: 'company' } } },
    then: { required: ['work'] },
    else: { required: ['home'] },
    additionalProperties: false,
    'x-vendor-note': { keep: true },
  }
}

describe('toJsonSchema with a JSON Schema object', () => {
  it('returns the very same object, every keyword and key order kept', () => {
    const schema = conformanceLikeSchema()
    const before = JSON.stringify(schema)
    const result = toJsonSchema(schema)
    expect(result).toBe(schema)
    expect(JSON.stringify(result)).toBe(before)
    expect(result).toEqual(conformanceLikeSchema())
  })

  it('does not freeze or otherwise touch what it was given', () => {
    const schema = conformanceLikeSchema()
    toJsonSchema(schema)
    expect(Object.isFrozen(schema)).toBe(false)
    expect(Object.isFrozen(schema.$defs)).toBe(false)
  })

  it('keeps another declared dialect as it is', () => {
    const draft07 = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      definitions: { id: { type: 'integer' } },
      properties: { id: { $ref: '#/definitions/id' } },
    }
    expect(toJsonSchema(draft07)).toBe(draft07)
  })

  it('keeps x-mcp-header annotations on properties', () => {
    const schema = {
      type: 'object',
      properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
    }
    expect(toJsonSchema(schema)).toEqual({
      type: 'object',
      properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
    })
  })

  it('rejects a root that is not type "object" with a TypeError that says what it got', () => {
    const cases: [unknown, string][] = [
      [{ type: 'string' }, 'type "string"'],
      [{ type: ['object', 'null'] }, 'type ["object","null"]'],
      [{ properties: { a: { type: 'string' } } }, 'no type'],
      [{ anyOf: [{ type: 'object' }] }, 'no type'],
    ]
    for (const [schema, got] of cases) {
      expect(() => toJsonSchema(schema as Record<string, unknown>)).toThrow(TypeError)
      expect(() => toJsonSchema(schema as Record<string, unknown>)).toThrow(got)
    }
  })

  it('allows any root when requireObject is off (outputSchema from 2026-07-28)', () => {
    const array = { type: 'array', items: { type: 'string' } }
    expect(toJsonSchema(array, { io: 'output', requireObject: false })).toBe(array)
  })

  it('rejects values that are not schema objects', () => {
    for (const value of [true, false, null, undefined, 'object', 3, [{ type: 'object' }]]) {
      expect(() => toJsonSchema(value as unknown as Record<string, unknown>)).toThrow(TypeError)
    }
    expect(() => toJsonSchema(true as unknown as Record<string, unknown>)).toThrow(/got boolean/)
  })

  it('tells a bare zod shape and a zod 3 schema apart from JSON Schema', () => {
    expect(() => toJsonSchema({ city: z.string() })).toThrow(/z\.object\(\)/)
    const zod3Like = { _def: { typeName: 'ZodObject' }, safeParse: () => ({ success: true }) }
    expect(() => toJsonSchema(zod3Like)).toThrow(/zod 3/)
  })
})

describe('toJsonSchema with a zod schema', () => {
  it('produces JSON Schema 2020-12 with type "object" for an object', () => {
    const schema = z.object({ city: z.string().describe('City name'), days: z.int().optional() })
    expect(toJsonSchema(schema)).toEqual({
      $schema: DIALECT_2020_12,
      type: 'object',
      properties: {
        city: { type: 'string', description: 'City name' },
        days: {
          type: 'integer',
          minimum: Number.MIN_SAFE_INTEGER,
          maximum: Number.MAX_SAFE_INTEGER,
        },
      },
      required: ['city'],
    })
  })

  it('describes what a caller may send for io "input" and what parsing gives for "output"', () => {
    const schema = z.object({ unit: z.enum(['c', 'f']).default('c') })
    const input = toJsonSchema(schema)
    const output = toJsonSchema(schema, { io: 'output' })
    expect(input.required).toBeUndefined()
    expect(output.required).toEqual(['unit'])
    expect(validator(input)({})).toBe(true)
    expect(validator(output)({})).toBe(false)
  })

  it('describes the input side of a transform, and refuses the output side', () => {
    const schema = z.object({ when: z.string().transform((text) => new Date(text)) })
    expect(toJsonSchema(schema).properties).toEqual({ when: { type: 'string' } })
    expect(() => toJsonSchema(schema, { io: 'output' })).toThrow(TypeError)
  })

  it('keeps $defs and $ref for schemas registered with an id', () => {
    const address = z.object({ street: z.string(), city: z.string() }).meta({ id: 'address' })
    const schema = z.strictObject({ name: z.string(), address })
    const result = toJsonSchema(schema)
    expect(result).toMatchObject({
      $schema: DIALECT_2020_12,
      type: 'object',
      properties: { address: { $ref: '#/$defs/address' } },
      $defs: { address: { type: 'object' } },
      additionalProperties: false,
    })
    const validate = validator(result)
    expect(validate({ name: 'Ada', address: { street: 'Main', city: 'Oslo' } })).toBe(true)
    expect(validate({ name: 'Ada', address: { street: 'Main' } })).toBe(false)
    expect(validate({ name: 'Ada', address: { street: 'Main', city: 'Oslo' }, extra: 1 })).toBe(
      false,
    )
  })

  it('handles recursive schemas', () => {
    const Node: z.ZodType<{ name: string; children: unknown[] }> = z.object({
      name: z.string(),
      get children() {
        return z.array(Node)
      },
    })
    const validate = validator(toJsonSchema(Node))
    expect(validate({ name: 'a', children: [{ name: 'b', children: [] }] })).toBe(true)
    expect(validate({ name: 'a', children: [{ children: [] }] })).toBe(false)
  })

  it('adds type "object" to a union of objects without changing what validates', () => {
    const schema = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('city'), name: z.string() }),
      z.object({ kind: z.literal('coordinates'), lat: z.number(), lon: z.number() }),
    ])
    const result = toJsonSchema(schema)
    expect(result.type).toBe('object')
    expect(result.$schema).toBe(DIALECT_2020_12)
    expect(Object.keys(result).slice(0, 2)).toEqual(['$schema', 'type'])
    const validate = validator(result)
    expect(validate({ kind: 'city', name: 'Oslo' })).toBe(true)
    expect(validate({ kind: 'coordinates', lat: 1, lon: 2 })).toBe(true)
    expect(validate({ kind: 'city' })).toBe(false)
  })

  it('rejects a zod schema whose root is not an object', () => {
    expect(() => toJsonSchema(z.string())).toThrow(/type "object".*got type "string"/)
    expect(() => toJsonSchema(z.union([z.object({}), z.string()]))).toThrow(/no type/)
    expect(toJsonSchema(z.array(z.string()), { io: 'output', requireObject: false })).toMatchObject(
      { type: 'array' },
    )
  })

  it('turns what zod cannot express into a TypeError that says what', () => {
    expect(() => toJsonSchema(z.object({ at: z.date() }))).toThrow(
      /Cannot convert the zod schema to JSON Schema: Date cannot be represented/,
    )
  })

  it('accepts zod/mini schemas', () => {
    const schema = zm.object({ city: zm.string() })
    expect(toJsonSchema(schema)).toMatchObject({ type: 'object', required: ['city'] })
  })

  it('converts each schema once per side and shares the frozen result', () => {
    const schema = z.object({ city: z.string() })
    const first = toJsonSchema(schema)
    expect(toJsonSchema(schema)).toBe(first)
    expect(toJsonSchema(schema, { io: 'output' })).not.toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(Object.isFrozen(first.properties)).toBe(true)
    expect(() => {
      ;(first as { title?: string }).title = 'changed'
    }).toThrow(TypeError)
  })

  it('leaves objects given to .meta() unfrozen', () => {
    const examples = [{ city: 'Oslo' }]
    toJsonSchema(z.object({ city: z.string() }).meta({ examples }))
    expect(Object.isFrozen(examples)).toBe(false)
    expect(Object.isFrozen(examples[0])).toBe(false)
  })
})

describe('isZodSchema', () => {
  it('recognises zod 4 schemas, classic and mini', () => {
    expect(isZodSchema(z.object({}))).toBe(true)
    expect(isZodSchema(z.string().optional())).toBe(true)
    expect(isZodSchema(zm.number())).toBe(true)
  })

  it('rejects everything else', () => {
    for (const value of [{ type: 'object' }, null, undefined, 'z', { _zod: null }, { _zod: {} }]) {
      expect(isZodSchema(value)).toBe(false)
    }
  })
})
