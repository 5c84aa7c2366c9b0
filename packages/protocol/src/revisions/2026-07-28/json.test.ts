import { Ajv2020 } from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ClientCapabilitiesSchema } from './capabilities.js'
import { JSONArraySchema, JSONObjectSchema, JSONValueSchema } from './json.js'

// The recursive zod definitions the loop replaced: what they accept is the contract.
const ReferenceObject: z.ZodType = z.record(
  z.string(),
  z.lazy(() => ReferenceValue),
)
const ReferenceArray: z.ZodType = z.array(z.lazy(() => ReferenceValue))
const ReferenceValue: z.ZodType = z.union([
  ReferenceObject,
  ReferenceArray,
  z.string(),
  z.number().int(),
  z.boolean(),
])

const pairs = [
  ['JSONObjectSchema', JSONObjectSchema, ReferenceObject],
  ['JSONArraySchema', JSONArraySchema, ReferenceArray],
  ['JSONValueSchema', JSONValueSchema, ReferenceValue],
] as const

class Point {
  x = 1
}

// Mostly valid JSON, with now and then a leaf or a key that is not.
const leaf = fc.oneof(
  { weight: 20, arbitrary: fc.oneof(fc.string(), fc.integer(), fc.boolean()) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      1.5,
      -0,
      Number.NaN,
      Infinity,
      2 ** 53,
      10n,
      Symbol('s'),
      new Date(0),
      new Map(),
      new Point(),
      () => 1,
    ),
  },
)
const key = fc.oneof(
  { weight: 20, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'isPrototypeOf') },
)
const { value: almostJson } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}))

describe('JSON values', () => {
  it.each(pairs)(
    '%s accepts exactly what the recursive zod union accepted',
    (_, ours, reference) => {
      fc.assert(
        fc.property(almostJson, (value) => {
          const expected = reference.safeParse(value)
          const actual = ours.safeParse(value)
          expect(actual.success).toBe(expected.success)
          if (expected.success) expect(actual.data).toEqual(expected.data)
        }),
        { numRuns: 2000 },
      )
    },
  )

  it.each(pairs)('%s agrees with it on values JSON cannot hold', (_, ours, reference) => {
    const cyclic: Record<string, unknown> = { a: 1 }
    cyclic.self = cyclic
    const shared = { k: [1] }
    const values: unknown[] = [
      cyclic,
      [cyclic],
      { p: shared, q: shared },
      Object.assign(Object.create(null) as object, { a: 1 }),
      Object.defineProperty({}, 'hidden', { value: null, enumerable: false }),
      { [Symbol('s')]: 1 },
      Object.defineProperty({}, Symbol('hidden'), { value: 1, enumerable: false }),
      { constructor: 5 },
      { constructor: () => 1 },
      // A hole reads as undefined.
      Object.assign([1], { length: 3, 2: 2 }),
      JSON.parse('{"__proto__": null, "a": {"__proto__": [null]}}'),
      new Point(),
    ]
    for (const value of values) {
      expect(ours.safeParse(value).success).toBe(reference.safeParse(value).success)
    }
  })

  it('leaves out __proto__ keys, as zod did, without checking them', () => {
    const parsed = JSONObjectSchema.parse(
      JSON.parse('{"__proto__": null, "a": [{"__proto__": 1}]}'),
    )
    expect(Object.keys(parsed)).toEqual(['a'])
    expect(Object.keys((parsed.a as object[])[0] as object)).toEqual([])
  })

  it('checks nesting of any depth without overflowing the stack', () => {
    let deep: unknown = 1
    for (let depth = 0; depth < 100_000; depth++) deep = { a: [deep] }
    expect(JSONValueSchema.safeParse(deep).success).toBe(true)
  })

  it('names the path of what is not JSON inside a capability setting', () => {
    const capabilities = { elicitation: { form: { a: { b: [1, null] } } } }
    const result = ClientCapabilitiesSchema.safeParse(capabilities)
    expect(result.error?.issues).toMatchObject([
      {
        path: ['elicitation', 'form', 'a', 'b', 1],
        message: expect.stringContaining('received null') as string,
      },
    ])
    expect(
      ClientCapabilitiesSchema.safeParse({ sampling: { tools: [] } }).error?.issues,
    ).toMatchObject([
      { path: ['sampling', 'tools'], message: expect.stringContaining('JSON object') as string },
    ])
  })

  it('are described by z.toJSONSchema() as the recursive definitions they check', () => {
    const ajv = new Ajv2020({ strict: false })
    const validate = ajv.compile(z.toJSONSchema(ClientCapabilitiesSchema))
    for (const form of [{}, { a: [1, 'b', true, { c: [] }] }, { a: null }, { a: [1.5] }]) {
      const capabilities = { elicitation: { form } }
      expect(validate(capabilities), JSON.stringify(form)).toBe(
        ClientCapabilitiesSchema.safeParse(capabilities).success,
      )
    }
    expect(ajv.validate(z.toJSONSchema(JSONValueSchema), { a: [{ b: null }] })).toBe(false)
    expect(ajv.validate(z.toJSONSchema(JSONArraySchema), [{ a: [1] }, 'x'])).toBe(true)
  })
})
