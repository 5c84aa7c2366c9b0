/**
 * The oracle test of one revision: our module exports exactly the official definitions, and each
 * zod schema accepts and rejects what the official JSON Schema does.
 * @module
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { ProtocolVersion } from '../../src/versions.js'
import { createOracle } from './ajv-oracle.js'
import { compareDefinition, formatDisagreements, isParsingSchema } from './compare.js'
import { instancesFor } from './instances.js'
import { importRevision, schemaExportNames } from './revision-module.js'
import { definitionNames, loadOfficialSchema } from './spec-schema.js'

/**
 * Declares the oracle tests of `version` inside the current `describe`: one test per definition
 * for the exports and one per definition for the verdicts.
 */
export function defineRevisionOracle(version: ProtocolVersion): void {
  const schema = loadOfficialSchema(version)
  const names = definitionNames(schema)
  let revision: Record<string, unknown> = {}

  beforeAll(async () => {
    revision = await importRevision(version)
  })

  describe('exports exactly the definitions of the official schema.json', () => {
    it.each(names)('exports %sSchema as a zod schema', (name) => {
      const exported = revision[`${name}Schema`]
      expect(exported, `${version} does not export ${name}Schema`).toBeDefined()
      expect(isParsingSchema(exported), `${version}.${name}Schema is not a zod schema`).toBe(true)
    })

    it('exports no *Schema that the official schema.json lacks', () => {
      const official = new Set(names.map((name) => `${name}Schema`))
      const extra = schemaExportNames(revision).filter((name) => !official.has(name))
      expect(extra, `${version} exports definitions its schema.json does not have`).toEqual([])
    })
  })

  describe('accepts and rejects what the official schema.json does', () => {
    const oracle = createOracle(schema)
    it.each(names)('%s', (name) => {
      const zodSchema = revision[`${name}Schema`]
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
