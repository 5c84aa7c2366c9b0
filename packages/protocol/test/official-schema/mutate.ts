/**
 * Mutations of a valid instance, each aimed at one rule of the schema: a required property
 * dropped, a value of the wrong type, a broken const or enum, an unknown property, a wrong array
 * item, a number out of range, a string that breaks its format, an array that is too long.
 *
 * A mutation is not assumed to be invalid: ajv classifies every instance, mutated or not.
 * @module
 */
import type { Site, Variant } from './generate-valid.js'
import { pointer, replaceAt, valueAt, type Path } from './json-path.js'
import { admittedTypes, asObject, isUnconstrained, jsonTypeOf } from './schema-walk.js'
import type { JsonType } from './schema-walk.js'
import type { JsonValue, OfficialSchema, SchemaObject } from './spec-schema.js'

/** An instance with a label that says how it was made. */
export interface LabelledInstance {
  label: string
  value: JsonValue
}

/** One change to a valid instance: the value at `path` becomes `next` (deleted if undefined). */
export interface Mutation {
  kind: string
  path: Path
  next: JsonValue | undefined
}

/** The property name used for unknown properties. */
export const EXTRA_PROPERTY = 'x-oracle-extra'

/** Values of a type a schema rejects, the ones most easily confused with the admitted type first. */
const CONFUSABLE: Record<JsonType, JsonValue[]> = {
  object: [[], 'object'],
  array: [{}, 'array'],
  string: [42, null],
  integer: [1.5, '42'],
  number: ['42', null],
  boolean: ['true', 0],
  null: [0, 'null'],
}
const GENERAL: JsonValue[] = [null, 42, 'oracle', true, {}, [], 1.5]

/** Up to `limit` values whose JSON type is not admitted (none when every type is admitted). */
export function wrongTypedValues(admitted: ReadonlySet<JsonType>, limit = 3): JsonValue[] {
  const candidates = [...admitted].flatMap((type) => CONFUSABLE[type]).concat(GENERAL)
  const chosen: JsonValue[] = []
  const seen = new Set<string>()
  for (const value of candidates) {
    const key = JSON.stringify(value)
    if (admitted.has(jsonTypeOf(value)) || seen.has(key)) continue
    seen.add(key)
    chosen.push(value)
    if (chosen.length === limit) break
  }
  return chosen
}

function groupByPath(sites: Site[]): { path: Path; nodes: SchemaObject[] }[] {
  const groups = new Map<string, { path: Path; nodes: SchemaObject[] }>()
  for (const site of sites) {
    const key = JSON.stringify(site.path)
    const group = groups.get(key)
    if (group) group.nodes.push(site.node)
    else groups.set(key, { path: site.path, nodes: [site.node] })
  }
  return [...groups.values()]
}

function brokenConst(value: JsonValue): JsonValue {
  if (typeof value === 'string') return `${value}-x`
  if (typeof value === 'number') return value + 1
  if (typeof value === 'boolean') return !value
  return 'not-the-const'
}

function outsideEnum(values: JsonValue[]): JsonValue {
  if (values.every((value) => typeof value === 'number')) return Math.max(...values) + 1
  let candidate = 'not-in-enum'
  while (values.includes(candidate)) candidate += '-x'
  return candidate
}

const BROKEN_FORMATS: Record<string, string> = {
  uri: 'not a uri',
  'uri-template': 'https://example.com/{unclosed',
  byte: 'not*base64',
}

/** The mutated instance, labelled `<kind> at <pointer>`. */
export function applyMutation(root: JsonValue, mutation: Mutation): LabelledInstance {
  const value = replaceAt(root, mutation.path, mutation.next)
  if (value === undefined) throw new Error(`Mutation ${mutation.kind} removes the whole instance`)
  return { label: `${mutation.kind} at ${pointer(mutation.path)}`, value }
}

/**
 * Every mutation of `variant`. They are returned as changes, not instances, so a caller that
 * keeps a few of them only copies those.
 */
export function mutations(schema: OfficialSchema, variant: Variant): Mutation[] {
  const result: Mutation[] = []
  const root = variant.value
  const add = (kind: string, path: Path, next: JsonValue | undefined) => {
    if (path.length > 0 || next !== undefined) result.push({ kind, path, next })
  }
  for (const { path, nodes } of groupByPath(variant.sites)) {
    const current = valueAt(root, path)
    if (current === undefined) continue
    const outermost = nodes[0]!
    for (const wrong of wrongTypedValues(admittedTypes(schema, outermost))) {
      add(`wrong type ${JSON.stringify(wrong)}`, path, wrong)
    }
    const isObject = typeof current === 'object' && current !== null && !Array.isArray(current)
    const dropped = new Set<string>()
    for (const node of nodes) {
      if (node.const !== undefined) add('broken const', path, brokenConst(node.const))
      if (node.enum) add('value outside enum', path, outsideEnum(node.enum))
      if (typeof current === 'number') {
        if (node.minimum !== undefined) add('below minimum', path, node.minimum - 1)
        if (node.maximum !== undefined) add('above maximum', path, node.maximum + 1)
      }
      if (typeof current === 'string' && node.format && BROKEN_FORMATS[node.format]) {
        add(`broken ${node.format}`, path, BROKEN_FORMATS[node.format])
      }
      if (Array.isArray(current) && node.items !== undefined) {
        const [wrongItem] = wrongTypedValues(admittedTypes(schema, node.items), 1)
        if (wrongItem !== undefined) add('wrong array item', path, [...current, wrongItem])
      }
      if (Array.isArray(current) && node.maxItems !== undefined && current.length > 0) {
        const tooMany = Array.from(
          { length: node.maxItems + 1 },
          (_, i) => current[i % current.length]!,
        )
        add('too many items', path, tooMany)
      }
      if (isObject) {
        for (const key of node.required ?? []) {
          if (key in current && !dropped.has(key)) {
            dropped.add(key)
            add(`missing required ${key}`, [...path, key], undefined)
          }
        }
        const additional = node.additionalProperties
        if (additional !== undefined && additional !== false && !isUnconstrained(additional)) {
          const [wrongEntry] = wrongTypedValues(admittedTypes(schema, asObject(additional)), 1)
          if (wrongEntry !== undefined)
            add('wrong extra entry', [...path, EXTRA_PROPERTY], wrongEntry)
        }
      }
    }
    if (isObject && !(EXTRA_PROPERTY in current))
      add('unknown property', [...path, EXTRA_PROPERTY], 'extra')
  }
  return result
}
