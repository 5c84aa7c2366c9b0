import { describe, expect, it } from 'vitest'
import { PROTOCOL_VERSIONS } from '../../src/versions.js'
import { createOracle } from './ajv-oracle.js'
import { generateVariants } from './generate-valid.js'
import { instancesFor, spread } from './instances.js'
import { applyMutation, mutations } from './mutate.js'
import { randomInstances } from './random-instances.js'
import { asObject, resolveRef } from './schema-walk.js'
import { definitionNames, loadOfficialSchema } from './spec-schema.js'

describe.each(PROTOCOL_VERSIONS)('instance generator on the %s schema.json', (version) => {
  const schema = loadOfficialSchema(version)
  const oracle = createOracle(schema)
  const names = definitionNames(schema)

  it.each(names)('%s: every minimal and maximal instance is valid per ajv', (name) => {
    for (const mode of ['minimal', 'maximal'] as const) {
      const variants = generateVariants(schema, name, mode)
      expect(variants.length).toBeGreaterThan(0)
      for (const variant of variants) {
        const verdict = oracle.validate(name, variant.value)
        expect(
          verdict.valid,
          `${name} ${mode} ${variant.notes.join(', ')}: ${JSON.stringify(variant.value)} -> ${verdict.error}`,
        ).toBe(true)
      }
    }
  })

  it.each(names)('%s: the mutations include instances ajv rejects', (name) => {
    const variants = [
      ...generateVariants(schema, name, 'minimal'),
      ...generateVariants(schema, name, 'maximal'),
    ]
    const rejected = variants.some((variant) =>
      mutations(schema, variant).some(
        (mutation) => !oracle.validate(name, applyMutation(variant.value, mutation).value).valid,
      ),
    )
    expect(rejected).toBe(true)
  })

  const plainObjects = names.filter((name) => {
    const definition = asObject(resolveRef(schema, `${schema.refPrefix}${name}`))
    return definition.type === 'object' && !definition.anyOf && !definition.allOf
  })

  it.each(plainObjects)(
    '%s: dropping a required property of the definition is rejected',
    (name) => {
      const required = asObject(schema.definitions[name]!).required ?? []
      for (const mode of ['minimal', 'maximal'] as const) {
        const [variant] = generateVariants(schema, name, mode)
        const drops = mutations(schema, variant!).filter(
          (m) => m.path.length === 1 && m.next === undefined,
        )
        expect(drops.map((m) => m.path[0]).sort()).toEqual([...required].sort())
        for (const drop of drops) {
          const { label, value } = applyMutation(variant!.value, drop)
          expect(oracle.validate(name, value).valid, `${name} ${mode} ${label}`).toBe(false)
        }
      }
    },
  )

  it('gives each union branch of a definition its own valid instance', () => {
    const unions = names.filter((name) => asObject(schema.definitions[name]!).anyOf !== undefined)
    expect(unions.length).toBeGreaterThan(0)
    for (const name of unions) {
      const branches = asObject(schema.definitions[name]!).anyOf!.length
      const covered = new Set(
        generateVariants(schema, name, 'minimal').map(
          (variant) => variant.notes.find((note) => note.startsWith('/ anyOf[')) ?? '/ anyOf[0]',
        ),
      )
      expect(covered.size, name).toBe(branches)
    }
  })

  it('keeps the number of instances per definition bounded', () => {
    for (const name of spread(names, 12)) {
      const instances = instancesFor(schema, name, { random: 0 })
      expect(instances.length, name).toBeLessThanOrEqual(2 * 24 + 160 + 80)
      expect(new Set(instances.map(({ value }) => JSON.stringify(value))).size).toBe(
        instances.length,
      )
    }
  })
})

describe('random instances', () => {
  const schema = loadOfficialSchema('2025-11-25')

  it('are the same on every run', () => {
    expect(randomInstances(schema, 'CallToolResult', 8)).toEqual(
      randomInstances(schema, 'CallToolResult', 8),
    )
  })

  it('vary the valid instances and stay mostly valid per ajv', () => {
    const oracle = createOracle(schema)
    const values = randomInstances(schema, 'CallToolResult', 40)
    expect(new Set(values.map((value) => JSON.stringify(value))).size).toBeGreaterThan(30)
    const valid = values.filter((value) => oracle.validate('CallToolResult', value).valid)
    expect(valid.length).toBeGreaterThan(20)
  })
})
