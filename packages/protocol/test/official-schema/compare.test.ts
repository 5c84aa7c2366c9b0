import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createOracle } from './ajv-oracle.js'
import { compareDefinition } from './compare.js'
import { instancesFor } from './instances.js'
import { loadOfficialSchema } from './spec-schema.js'

// Negative controls: schemas written here on purpose, right and wrong, to show that the
// comparison passes a faithful schema and catches an unfaithful one.
const schema = loadOfficialSchema('2025-11-25')
const oracle = createOracle(schema)

function disagreements(name: string, zodSchema: z.ZodType) {
  return compareDefinition(oracle, name, zodSchema, instancesFor(schema, name)).disagreements
}

describe('compareDefinition', () => {
  it('finds nothing wrong with a faithful schema', () => {
    expect(disagreements('Role', z.enum(['assistant', 'user']))).toEqual([])
    expect(disagreements('ProgressToken', z.union([z.string(), z.number().int()]))).toEqual([])
  })

  it('catches a schema that accepts too much', () => {
    const found = disagreements('ProgressToken', z.union([z.string(), z.number()]))
    expect(found.length).toBeGreaterThan(0)
    expect(found.every(({ ajv, zod }) => !ajv.valid && zod.valid)).toBe(true)
  })

  it('catches a schema that rejects too much', () => {
    const found = disagreements('Role', z.enum(['user']))
    expect(
      found.some(({ instance, ajv, zod }) => instance === 'assistant' && ajv.valid && !zod.valid),
    ).toBe(true)
  })

  it('catches a missing required property deep inside a definition', () => {
    const loose = z.looseObject({
      progressToken: z.union([z.string(), z.number().int()]),
      progress: z.number(),
      total: z.number().optional(),
      message: z.string().optional(),
      _meta: z.looseObject({}).optional(),
    })
    const lenient = loose.partial({ progressToken: true })
    expect(disagreements('ProgressNotificationParams', loose)).toEqual([])
    const found = disagreements('ProgressNotificationParams', lenient)
    expect(found.map(({ label }) => label)).toContain(
      'minimal, missing required progressToken at /progressToken',
    )
  })

  it('catches an object schema that strips unknown properties', () => {
    const stripping = z.object({ name: z.string(), title: z.string().optional() })
    const found = disagreements('BaseMetadata', stripping)
    expect(found.length).toBeGreaterThan(0)
    expect(found.every(({ ajv, zod }) => ajv.valid && zod.valid && zod.detail !== undefined)).toBe(
      true,
    )
  })
})
