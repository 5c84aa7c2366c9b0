import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ZodType } from 'zod'
import { describe, expect, it } from 'vitest'
import * as v2026 from './index.js'

// The official examples live beside the repository: <repo>/../shared/spec/schema/2026-07-28.
const examplesRoot = fileURLToPath(
  new URL('../../../../../../shared/spec/schema/2026-07-28/examples/', import.meta.url),
)
const schemas = v2026 as unknown as Record<string, ZodType | undefined>

const cases = readdirSync(examplesRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) =>
    readdirSync(`${examplesRoot}${folder.name}`)
      .filter((file) => file.endsWith('.json'))
      .map((file) => ({ type: folder.name, file, path: `${examplesRoot}${folder.name}/${file}` })),
  )

describe('2026-07-28 official examples', () => {
  it('finds the example folder', () => {
    expect(cases.length).toBeGreaterThanOrEqual(88)
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
