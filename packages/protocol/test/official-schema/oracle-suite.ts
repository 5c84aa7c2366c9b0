/**
 * The oracle tests of a revision: our module exports exactly the official definitions, and each
 * zod schema accepts and rejects what the official JSON Schema does.
 * @module
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { ProtocolVersion } from '../../src/versions.js'
import { createOracle } from './ajv-oracle.js'
import { compareDefinition, formatDisagreements, isParsingSchema } from './compare.js'
import { instancesFor } from './instances.js'
import { importRevision, schemaExportNames } from './revision-module.js'
import { usesFormat } from './schema-walk.js'
import { definitionNames, loadOfficialSchema } from './spec-schema.js'

function useRevision(version: ProtocolVersion): () => Record<string, unknown> {
  let revision: Record<string, unknown> = {}
  beforeAll(async () => {
    revision = await importRevision(version)
  })
  return () => revision
}

/**
 * Declares, inside the current `describe`, one test per definition that its `<Name>Schema` is
 * exported, one that nothing else is, and one per definition comparing verdicts with ajv, where
 * `format` is an annotation (JSON Schema 2020-12's default; formats have their own suite).
 */
export function defineRevisionOracle(version: ProtocolVersion): void {
  const schema = loadOfficialSchema(version)
  const names = definitionNames(schema)
  const revision = useRevision(version)

  describe('exports exactly the definitions of the official schema.json', () => {
    it.each(names)('exports %sSchema as a zod schema', (name) => {
      const exported = revision()[`${name}Schema`]
      expect(exported, `${version} does not export ${name}Schema`).toBeDefined()
      expect(isParsingSchema(exported), `${version}.${name}Schema is not a zod schema`).toBe(true)
    })

    it('exports no *Schema that the official schema.json lacks', () => {
      const official = new Set(names.map((name) => `${name}Schema`))
      const extra = schemaExportNames(revision()).filter((name) => !official.has(name))
      expect(extra, `${version} exports definitions its schema.json does not have`).toEqual([])
    })
  })

  describe('accepts and rejects what the official schema.json does (format as annotation)', () => {
    const oracle = createOracle(schema, { formats: false })
    it.each(names)('%s', (name) => {
      const zodSchema = revision()[`${name}Schema`]
      if (!isParsingSchema(zodSchema)) {
        expect.fail(`${version} does not export ${name}Schema as a zod schema`)
      }
      const comparison = compareDefinition(oracle, name, zodSchema, instancesFor(schema, name))
      if (comparison.disagreements.length > 0) {
        expect.fail(formatDisagreements(version, comparison))
      }
      expect(comparison.compared).toBeGreaterThan(0)
    })
  })
}

/**
 * Declares one test per definition whose generated instances include some whose verdict depends
 * on a `format` (ajv with ajv-formats and ajv without disagree): on those, our schema must side
 * with ajv-formats.
 */
export function defineFormatOracle(version: ProtocolVersion): void {
  const schema = loadOfficialSchema(version)
  const revision = useRevision(version)
  const withFormats = createOracle(schema)
  const withoutFormats = createOracle(schema, { formats: false })
  const formatDependent = new Map(
    definitionNames(schema)
      .filter((name) => usesFormat(schema, name))
      .map((name) => {
        const instances = instancesFor(schema, name).filter(
          ({ value }) =>
            withFormats.validate(name, value).valid !== withoutFormats.validate(name, value).valid,
        )
        return [name, instances] as const
      })
      .filter(([, instances]) => instances.length > 0),
  )

  it.each([...formatDependent.keys()])('%s checks its formats', (name) => {
    const zodSchema = revision()[`${name}Schema`]
    if (!isParsingSchema(zodSchema)) expect.fail(`${version} does not export ${name}Schema`)
    const instances = formatDependent.get(name)!
    const comparison = compareDefinition(withFormats, name, zodSchema, instances)
    if (comparison.disagreements.length > 0) {
      expect.fail(formatDisagreements(version, comparison))
    }
  })
}
