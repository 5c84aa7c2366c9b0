import { readFileSync } from 'node:fs'
import type { ZodType } from 'zod'
import { describe, expect, it } from 'vitest'
import { exampleFiles } from './__fixtures__/official.js'
import * as v2026 from './index.js'

const schemas = v2026 as unknown as Record<string, ZodType | undefined>
const cases = exampleFiles()

describe('2026-07-28 official examples', () => {
  it('finds the example folder', () => {
    expect(cases.length).toBeGreaterThanOrEqual(129)
  })

  it.each(cases)('$type/$file parses with the schema of its type', ({ type, path }) => {
    const schema = schemas[`${type}Schema`]
    expect(schema, `${type}Schema is exported`).toBeDefined()
    const example: unknown = JSON.parse(readFileSync(path, 'utf8'))
    const result = schema!.safeParse(example)
    expect(result.error?.issues ?? []).toEqual([])
    // Schemas never transform: what parses is what was sent.
    expect(result.data).toEqual(example)
  })
})
