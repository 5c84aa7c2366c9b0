/**
 * Random variations of valid instances with fast-check: random strings, numbers in range, a
 * random subset of the optional properties, a random branch of each union, unknown properties.
 * The seed is derived from the revision and the definition, so every run sees the same values.
 * @module
 */
import fc from 'fast-check'
import { generateFromNode } from './generate-valid.js'
import { mergeValues } from './json-path.js'
import { asObject, isUnconstrained, resolveRef } from './schema-walk.js'
import type { JsonValue, OfficialSchema, SchemaNode } from './spec-schema.js'

type Arbitrary = fc.Arbitrary<JsonValue>

/** Small JSON values for unconstrained places; fc.jsonValue's huge doubles only add noise. */
const smallJson: Arbitrary = fc.oneof<Arbitrary[]>(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -100, max: 100 }),
  fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant<JsonValue>({}),
  fc.constant<JsonValue>([]),
  fc.dictionary(fc.constantFrom('a', 'b'), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
  fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 2 }),
)

/** Past this depth a random instance ends with the minimal valid instance of the node. */
const RANDOM_DEPTH = 5

const URIS = [
  'urn:isbn:0451450523',
  'file:///home/user/notes.md',
  'mailto:someone@example.com',
  'data:text/plain;base64,SGk=',
  'https://example.com/a%20b',
  'custom-scheme:opaque',
]
const URI_TEMPLATES = [
  'file:///{+path}',
  'https://example.com/{a,b}{?q,r}',
  'db://{table}/{id}',
  'x',
]

const URI_UNIT = fc.constantFrom(...'az09-._~%!$&()*+,;=:@/? #[]'.split(''))

/** URIs of many schemes, with characters a URI may or may not contain (space, `#`, `[`). */
const uriArbitrary: Arbitrary = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('https://example.com/', 'http://h/', 'file:///', 'urn:', 'x-custom+v1:', ''),
      fc.string({ unit: URI_UNIT, maxLength: 16 }),
    )
    .map(([prefix, rest]) => prefix + rest),
  fc.constantFrom(...URIS),
)

function stringArbitrary(format: string | undefined): Arbitrary {
  switch (format) {
    case 'uri':
      return uriArbitrary
    case 'uri-template':
      return fc.constantFrom(...URI_TEMPLATES)
    case 'byte':
      return fc.base64String({ maxLength: 24 })
    default:
      return fc.string({ maxLength: 12 })
  }
}

function arbitraryFor(
  schema: OfficialSchema,
  node: SchemaNode,
  depth: number,
  refs: ReadonlyMap<string, number>,
): Arbitrary {
  const object = asObject(node)
  if (depth > RANDOM_DEPTH) {
    return fc.constant(generateFromNode(schema, node, 'minimal')[0]!.value)
  }
  if (object.$ref !== undefined) {
    const open = refs.get(object.$ref) ?? 0
    if (open >= 1) return fc.constant(generateFromNode(schema, node, 'minimal')[0]!.value)
    const next = new Map(refs).set(object.$ref, open + 1)
    return arbitraryFor(schema, resolveRef(schema, object.$ref), depth, next)
  }
  if (object.allOf) {
    const parts = object.allOf.map((part) => arbitraryFor(schema, part, depth, refs))
    return fc.tuple(...parts).map((values) => values.reduce(mergeValues))
  }
  const union = object.anyOf ?? object.oneOf
  if (union) return fc.oneof(...union.map((branch) => arbitraryFor(schema, branch, depth, refs)))
  if (object.const !== undefined) return fc.constant(object.const)
  if (object.enum) return fc.constantFrom(...object.enum)
  const types =
    object.type === undefined
      ? object.properties
        ? ['object']
        : []
      : Array.isArray(object.type)
        ? object.type
        : [object.type]
  if (types.length === 0) return smallJson
  const byType = types.map((type): Arbitrary => {
    switch (type) {
      case 'null':
        return fc.constant(null)
      case 'boolean':
        return fc.boolean()
      case 'integer':
        return fc.integer({ min: object.minimum ?? -(2 ** 31), max: object.maximum ?? 2 ** 31 - 1 })
      case 'number':
        return fc.double({
          min: object.minimum ?? -1e9,
          max: object.maximum ?? 1e9,
          noNaN: true,
          noDefaultInfinity: true,
        })
      case 'string':
        return stringArbitrary(object.format)
      case 'array':
        return fc.array(arbitraryFor(schema, object.items ?? true, depth + 1, refs), {
          minLength: object.minItems ?? 0,
          maxLength: Math.min(object.maxItems ?? 3, 3),
        })
      default:
        return objectArbitrary(schema, object, depth, refs)
    }
  })
  return byType.length === 1 ? byType[0]! : fc.oneof(...byType)
}

function objectArbitrary(
  schema: OfficialSchema,
  object: Exclude<SchemaNode, boolean>,
  depth: number,
  refs: ReadonlyMap<string, number>,
): Arbitrary {
  const required = object.required ?? []
  const model: Record<string, Arbitrary> = {}
  for (const [key, property] of Object.entries(object.properties ?? {})) {
    model[key] = arbitraryFor(schema, property, depth + 1, refs)
  }
  for (const key of required) model[key] ??= smallJson
  const known = fc.record(model, { requiredKeys: required })
  const additional = object.additionalProperties
  if (additional === false) return known
  const entryValue =
    additional === undefined || isUnconstrained(additional)
      ? smallJson
      : arbitraryFor(schema, additional, depth + 1, refs)
  const extras = fc.dictionary(fc.constantFrom('x-random-a', 'x-random-b', 'entry'), entryValue, {
    maxKeys: 2,
  })
  return fc.tuple(extras, known).map(([extra, values]) => ({ ...extra, ...values }))
}

function seedOf(text: string): number {
  let hash = 2166136261
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 16777619)
  }
  return hash | 0
}

/** `count` random instances of definition `name`, the same ones on every run. */
export function randomInstances(schema: OfficialSchema, name: string, count: number): JsonValue[] {
  const arbitrary = arbitraryFor(schema, { $ref: `${schema.refPrefix}${name}` }, 0, new Map())
  return fc.sample(arbitrary, { seed: seedOf(`${schema.version}/${name}`), numRuns: count })
}
