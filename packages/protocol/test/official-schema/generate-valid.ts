/**
 * Generates valid instances of a definition from its JSON Schema: a minimal one (required
 * properties only), a maximal one (every known property, arrays of two items) and one more for
 * each branch of every union, so `anyOf` shapes are each seen on their own.
 *
 * Every generated value remembers the schema nodes that produced each of its paths ("sites");
 * the mutations use them to know what is required, what is a const and which types are wrong.
 * @module
 */
import { mergeValues, pointer, type Path } from './json-path.js'
import { asObject, isUnconstrained, resolveRef } from './schema-walk.js'
import type {
  JsonObject,
  JsonValue,
  OfficialSchema,
  SchemaNode,
  SchemaObject,
} from './spec-schema.js'

/** A schema node that an instance's value at `path` was generated from. */
export interface Site {
  path: Path
  node: SchemaObject
}

/** A generated instance, the schema nodes behind each of its parts, and how it was chosen. */
export interface Variant {
  value: JsonValue
  sites: Site[]
  /** What is special about this instance, e.g. `/content/0 anyOf[2]`. */
  notes: string[]
}

/** `minimal`: required properties and empty arrays; `maximal`: all properties, two items. */
export type Mode = 'minimal' | 'maximal'

interface State {
  schema: OfficialSchema
  mode: Mode
  /** How many times each `$ref` is open on the current path, to cut recursion (JSONValue). */
  refs: ReadonlyMap<string, number>
}

/** Thrown when a branch only recurses; the enclosing union tries its other branches. */
class RecursionCut extends Error {}

/** Below this depth only the first choice of each union is taken, to bound the output. */
const VARIANT_DEPTH = 6
/** Variants kept per schema node. */
const VARIANTS_PER_NODE = 24

/** Formats the spec uses, with a valid sample per mode. */
const FORMAT_SAMPLES: Record<string, Record<Mode, string>> = {
  uri: { minimal: 'file:///tmp/a.txt', maximal: 'https://example.com/docs/a?b=1#c' },
  'uri-template': { minimal: 'file:///{path}', maximal: 'https://example.com/{id}/items{?q}' },
  byte: { minimal: '', maximal: 'aGVsbG8gd29ybGQ=' },
}

function single(value: JsonValue, path: Path, node: SchemaObject): Variant[] {
  return [{ value, sites: [{ path, node }], notes: [] }]
}

function withSite(variants: Variant[], site: Site): Variant[] {
  return variants.map((variant) => ({ ...variant, sites: [site, ...variant.sites] }))
}

function clampNumber(node: SchemaObject, preferred: number): number {
  let value = preferred
  if (node.minimum !== undefined && value < node.minimum) value = node.minimum
  if (node.maximum !== undefined && value > node.maximum) value = node.maximum
  return value
}

function anyValues(path: Path, node: SchemaObject, state: State): Variant[] {
  if (state.mode === 'minimal') return single({}, path, node)
  const values: JsonValue[] = [{ key: 'value' }, 'text', 1.5, 42, true, null, [1, 'two']]
  return values.map((value, index) => ({
    value,
    sites: [{ path, node }],
    notes: index === 0 ? [] : [`${pointer(path)} any:${JSON.stringify(value)}`],
  }))
}

function typedValues(type: string, path: Path, node: SchemaObject, state: State): Variant[] {
  const { mode } = state
  switch (type) {
    case 'null':
      return single(null, path, node)
    case 'boolean':
      return single(mode === 'maximal', path, node)
    case 'integer':
      return single(clampNumber(node, mode === 'minimal' ? 0 : 7), path, node)
    case 'number': {
      const bounded = node.minimum !== undefined && node.maximum !== undefined
      const preferred = bounded ? (node.minimum! + node.maximum!) / 2 : 2.5
      return single(clampNumber(node, mode === 'minimal' ? 0 : preferred), path, node)
    }
    case 'string': {
      const sample = node.format === undefined ? undefined : FORMAT_SAMPLES[node.format]
      const plain = mode === 'minimal' ? '' : 'example text'
      return single(sample ? sample[mode] : plain, path, node)
    }
    case 'array':
      return arrayValues(path, node, state)
    case 'object':
      return objectValues(path, node, state)
    default:
      throw new Error(`Unsupported type ${type} at ${pointer(path)}`)
  }
}

function arrayValues(path: Path, node: SchemaObject, state: State): Variant[] {
  const items = node.items ?? true
  const wanted = state.mode === 'minimal' ? (node.minItems ?? 0) : 2
  const count = Math.min(wanted, node.maxItems ?? wanted)
  if (count === 0) return single([], path, node)
  const perIndex = Array.from({ length: count }, (_, index) =>
    generateNode(items, [...path, index], state),
  )
  // The second item takes the item schema's second choice, so a content array holds two kinds.
  const picks = perIndex.map((variants, index) => variants[Math.min(index, variants.length - 1)]!)
  const base: Variant = {
    value: picks.map((pick) => pick.value),
    sites: [{ path, node }, ...picks.flatMap((pick) => pick.sites)],
    notes: picks[0]!.notes,
  }
  const variants = [base]
  for (const item of perIndex[0]!.slice(1)) {
    if (item === picks[0]) continue
    variants.push({
      value: [item.value],
      sites: [{ path, node }, ...item.sites],
      notes: item.notes,
    })
  }
  return variants
}

function objectValues(path: Path, node: SchemaObject, state: State): Variant[] {
  const properties = node.properties ?? {}
  const required = new Set(node.required ?? [])
  const keys =
    state.mode === 'minimal'
      ? [...required]
      : [...new Set([...Object.keys(properties), ...required])]
  const additional = node.additionalProperties
  const constrainedAdditional =
    additional !== undefined && additional !== false && !isUnconstrained(additional)
  if (state.mode === 'maximal' && constrainedAdditional) keys.push('entry')
  const entries = keys.map((key) => {
    const propertySchema = properties[key] ?? (constrainedAdditional ? additional : true)
    return [key, generateNode(propertySchema, [...path, key], state)] as const
  })
  const base: Variant = {
    value: Object.fromEntries(entries.map(([key, variants]) => [key, variants[0]!.value])),
    sites: [{ path, node }, ...entries.flatMap(([, variants]) => variants[0]!.sites)],
    notes: entries.flatMap(([, variants]) => variants[0]!.notes),
  }
  const result = [base]
  for (const [key, variants] of entries) {
    for (const variant of variants.slice(1)) {
      const value = { ...(base.value as JsonObject), [key]: variant.value }
      const sites = [
        { path, node },
        ...entries.flatMap(([other, others]) => (other === key ? variant.sites : others[0]!.sites)),
      ]
      result.push({ value, sites, notes: variant.notes })
    }
  }
  return result
}

function unionValues(branches: SchemaNode[], keyword: string, path: Path, state: State): Variant[] {
  const perBranch: Variant[][] = []
  branches.forEach((branch, index) => {
    let variants: Variant[]
    try {
      variants = generateNode(branch, path, state)
    } catch (error) {
      if (error instanceof RecursionCut) return
      throw error
    }
    // The first branch is the default choice; only the others are worth a note.
    const note = index === 0 ? [] : [`${pointer(path)} ${keyword}[${index}]`]
    perBranch.push(variants.map((variant) => ({ ...variant, notes: [...note, ...variant.notes] })))
  })
  if (perBranch.length === 0) throw new RecursionCut(`every branch of ${pointer(path)} recurses`)
  // Lead with each branch's first instance so a bounded list still covers every branch.
  return [...perBranch.map((variants) => variants[0]!), ...perBranch.flatMap((v) => v.slice(1))]
}

function allOfValues(parts: SchemaNode[], path: Path, state: State): Variant[] {
  const perPart = parts.map((part) => generateNode(part, path, state))
  const merge = (chosen: Variant[]): Variant => ({
    value: chosen.map((variant) => variant.value).reduce(mergeValues),
    sites: chosen.flatMap((variant) => variant.sites),
    notes: chosen.flatMap((variant) => variant.notes),
  })
  const defaults = perPart.map((variants) => variants[0]!)
  const result = [merge(defaults)]
  perPart.forEach((variants, index) => {
    for (const variant of variants.slice(1)) {
      result.push(merge(defaults.map((other, at) => (at === index ? variant : other))))
    }
  })
  return result
}

function generateNode(node: SchemaNode, path: Path, outer: State): Variant[] {
  const object = asObject(node)
  let state = outer
  let variants: Variant[]
  if (object.$ref !== undefined) {
    const open = state.refs.get(object.$ref) ?? 0
    if (open >= 2) throw new RecursionCut(`${object.$ref} recurses at ${pointer(path)}`)
    // A definition nested in itself (JSONValue) is generated minimally to terminate.
    const mode = open >= 1 ? 'minimal' : state.mode
    state = { ...state, mode, refs: new Map(state.refs).set(object.$ref, open + 1) }
    const target = resolveRef(state.schema, object.$ref)
    const { $ref: _ref, ...siblings } = object
    const parts = isUnconstrained(siblings) ? [target] : [target, siblings]
    variants = withSite(
      parts.length === 1 ? generateNode(target, path, state) : allOfValues(parts, path, state),
      { path, node: object },
    )
  } else if (object.allOf) {
    const { allOf, ...rest } = object
    const parts = isUnconstrained(rest) ? allOf : [rest, ...allOf]
    variants = withSite(allOfValues(parts, path, state), { path, node: object })
  } else if (object.anyOf ?? object.oneOf) {
    const keyword = object.anyOf ? 'anyOf' : 'oneOf'
    const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = object
    const branches = (object.anyOf ?? object.oneOf)!
    variants = withSite(
      isUnconstrained(rest)
        ? unionValues(branches, keyword, path, state)
        : allOfValues([rest, { [keyword]: branches }], path, state),
      { path, node: object },
    )
  } else if (object.const !== undefined) {
    variants = single(object.const, path, object)
  } else if (object.enum) {
    variants = object.enum.map((value, index) => ({
      value,
      sites: [{ path, node: object }],
      notes: index === 0 ? [] : [`${pointer(path)} enum[${index}]`],
    }))
  } else {
    const types =
      object.type === undefined
        ? object.properties || object.required
          ? ['object']
          : object.items
            ? ['array']
            : []
        : Array.isArray(object.type)
          ? object.type
          : [object.type]
    if (types.length === 0) {
      variants = anyValues(path, object, state)
    } else {
      variants = types.flatMap((type, index) =>
        typedValues(type, path, object, state).map((variant) =>
          index === 0
            ? variant
            : { ...variant, notes: [`${pointer(path)} type:${type}`, ...variant.notes] },
        ),
      )
    }
  }
  const limit = path.length < VARIANT_DEPTH ? VARIANTS_PER_NODE : 1
  return variants.slice(0, limit)
}

/** Valid instances of any schema node of `schema` (used to end random instances that recurse). */
export function generateFromNode(schema: OfficialSchema, node: SchemaNode, mode: Mode): Variant[] {
  return generateNode(node, [], { schema, mode, refs: new Map() })
}

/**
 * Valid instances of definition `name`: the first is the plain minimal or maximal instance, the
 * others take another branch of one union each.
 */
export function generateVariants(schema: OfficialSchema, name: string, mode: Mode): Variant[] {
  const ref = `${schema.refPrefix}${name}`
  return generateNode({ $ref: ref }, [], { schema, mode, refs: new Map() })
}
