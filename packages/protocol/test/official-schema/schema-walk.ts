/**
 * Reading the official schemas: `$ref` resolution and the JSON types a schema admits.
 * @module
 */
import type { JsonValue, OfficialSchema, SchemaNode, SchemaObject } from './spec-schema.js'

/** The JSON types of instances; `integer` is the subset of `number` with no fraction. */
export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object'

export const ALL_JSON_TYPES: readonly JsonType[] = [
  'null',
  'boolean',
  'integer',
  'number',
  'string',
  'array',
  'object',
]

/** The JSON type of a value (`integer` for whole numbers). */
export function jsonTypeOf(value: JsonValue): JsonType {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value as 'boolean' | 'string' | 'object'
}

/** Follows a `#/definitions/X` or `#/$defs/X` pointer to its definition. */
export function resolveRef(schema: OfficialSchema, ref: string): SchemaNode {
  if (!ref.startsWith(schema.refPrefix)) {
    throw new Error(`Unsupported $ref ${ref} in ${schema.path} (expected ${schema.refPrefix}...)`)
  }
  const name = ref.slice(schema.refPrefix.length)
  const target = schema.definitions[name]
  if (target === undefined) throw new Error(`Dangling $ref ${ref} in ${schema.path}`)
  return target
}

/** The schema as an object: `true` becomes `{}`, `false` stays impossible to satisfy. */
export function asObject(node: SchemaNode): SchemaObject {
  if (node === true) return {}
  if (node === false) return { not: {} } as SchemaObject
  return node
}

function declaredTypes(node: SchemaObject): Set<JsonType> | undefined {
  if (node.type === undefined) return undefined
  const types = new Set<JsonType>()
  for (const type of Array.isArray(node.type) ? node.type : [node.type]) {
    types.add(type as JsonType)
    // A JSON Schema `number` admits whole numbers too.
    if (type === 'number') types.add('integer')
  }
  return types
}

function intersect(a: Set<JsonType>, b: Set<JsonType>): Set<JsonType> {
  return new Set([...a].filter((type) => b.has(type)))
}

/**
 * The JSON types at least one instance of `node` can have. Used to pick values of a wrong type:
 * a value whose type is not in this set is invalid whatever the rest of the schema says.
 */
export function admittedTypes(
  schema: OfficialSchema,
  node: SchemaNode,
  seen: ReadonlySet<string> = new Set(),
): Set<JsonType> {
  if (node === false) return new Set()
  const object = asObject(node)
  let types = new Set<JsonType>(ALL_JSON_TYPES)
  if (object.$ref !== undefined) {
    // A cycle admits nothing new: the other branches decide.
    if (seen.has(object.$ref)) return new Set()
    const next = new Set(seen).add(object.$ref)
    types = intersect(types, admittedTypes(schema, resolveRef(schema, object.$ref), next))
  }
  const declared = declaredTypes(object)
  if (declared) types = intersect(types, declared)
  if (object.const !== undefined) types = intersect(types, new Set([jsonTypeOf(object.const)]))
  if (object.enum) types = intersect(types, new Set(object.enum.map(jsonTypeOf)))
  for (const part of object.allOf ?? []) types = intersect(types, admittedTypes(schema, part, seen))
  const union = object.anyOf ?? object.oneOf
  if (union) {
    const admitted = new Set<JsonType>()
    for (const branch of union) {
      for (const type of admittedTypes(schema, branch, seen)) admitted.add(type)
    }
    types = intersect(types, admitted)
  }
  return types
}

/** Whether a schema constrains nothing (`true`, `{}` or only annotations). */
export function isUnconstrained(node: SchemaNode): boolean {
  if (node === true) return true
  if (node === false) return false
  return Object.keys(node).every((key) => key === 'description' || key === 'title')
}

/** Whether a definition, through its `$ref`s, has a `format` keyword anywhere. */
export function usesFormat(schema: OfficialSchema, name: string): boolean {
  const seen = new Set<SchemaNode>()
  const visit = (node: SchemaNode | undefined): boolean => {
    if (node === undefined || typeof node === 'boolean' || seen.has(node)) return false
    seen.add(node)
    if (node.format !== undefined) return true
    const children = [
      node.$ref === undefined ? undefined : resolveRef(schema, node.$ref),
      node.items,
      node.additionalProperties,
      ...Object.values(node.properties ?? {}),
      ...(node.anyOf ?? []),
      ...(node.oneOf ?? []),
      ...(node.allOf ?? []),
    ]
    return children.some(visit)
  }
  return visit(schema.definitions[name])
}
