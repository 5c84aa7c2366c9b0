import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createOracle } from './official-schema/ajv-oracle.js'
import { isParsingSchema } from './official-schema/compare.js'
import { importRevision } from './official-schema/revision-module.js'
import { loadOfficialSchema, type JsonValue } from './official-schema/spec-schema.js'

// The official examples exist for the newest revision only: examples/<TypeName>/*.json.
const schema = loadOfficialSchema('2026-07-28')
const examplesRoot = join(schema.path, '..', 'examples')
const examples = readdirSync(examplesRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((type) =>
    readdirSync(join(examplesRoot, type.name))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => ({ type: type.name, file, path: join(examplesRoot, type.name, file) })),
  )
  .sort((a, b) => `${a.type}/${a.file}`.localeCompare(`${b.type}/${b.file}`))

describe('2026-07-28 official examples', () => {
  const oracle = createOracle(schema)
  let revision: Record<string, unknown> = {}

  beforeAll(async () => {
    revision = await importRevision('2026-07-28')
  })

  it('are there to check', () => {
    expect(examples.length).toBeGreaterThan(100)
  })

  it.each(examples)('$type/$file parses with $typeSchema', ({ type, path }) => {
    const example = JSON.parse(readFileSync(path, 'utf8')) as JsonValue
    const verdict = oracle.validate(type, example)
    expect(verdict.valid, `ajv rejects the official example: ${verdict.error}`).toBe(true)
    const zodSchema = revision[`${type}Schema`]
    if (!isParsingSchema(zodSchema)) expect.fail(`2026-07-28 does not export ${type}Schema`)
    const result = zodSchema.safeParse(example)
    expect(result.error?.issues ?? []).toEqual([])
    // Loose objects and no transforms: the parsed value is the example itself.
    expect(result.data).toStrictEqual(example)
  })
})
