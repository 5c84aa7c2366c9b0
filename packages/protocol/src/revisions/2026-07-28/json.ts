/**
 * JSON values as the 2026-07-28 schema defines them. They type the open settings objects of
 * capabilities and sampling `metadata`.
 *
 * The official `schema.json` is narrower than `schema.ts` here: its `JSONValue` admits strings,
 * integers, booleans, objects and arrays, but neither `null` nor fractional numbers. We follow
 * `schema.json`, which is what the oracle test checks against.
 *
 * The definitions are written once as zod's recursive union ({@link recursiveJsonSchemas}), which
 * is what `z.toJSONSchema()` describes, but a value is checked by one loop over it: zod tracks
 * cycles on every parse of a schema whose subtree is recursive, and that alone made a 2026-07-28
 * request declaring a capability setting twice as slow to validate. The loop accepts exactly
 * what the recursive union accepts, as `json.test.ts` checks.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/schema#jsonvalue
 * @module
 */
import { z } from 'zod'
import * as zc from 'zod/v4/core'

/** Any JSON value `schema.json` admits: an object, an array, a string, an integer or a boolean. */
export type JSONValue = JSONObject | JSONArray | string | number | boolean

/** A JSON object whose values are {@link JSONValue}s. */
export type JSONObject = { [key: string]: JSONValue }

/** A JSON array of {@link JSONValue}s. */
export type JSONArray = JSONValue[]

/**
 * The definitions of `schema.json` as zod's recursive union: what the exported schemas accept and
 * how `z.toJSONSchema()` describes them. Not for parsing, which the loop below does faster.
 */
export const recursiveJsonSchemas: {
  object: z.ZodType<JSONObject>
  array: z.ZodType<JSONArray>
  value: z.ZodType<JSONValue>
} = {
  object: z.record(
    z.string(),
    z.lazy(() => recursiveJsonSchemas.value),
  ),
  array: z.array(z.lazy(() => recursiveJsonSchemas.value)),
  value: z.union([
    z.lazy(() => recursiveJsonSchemas.object),
    z.lazy(() => recursiveJsonSchemas.array),
    z.string(),
    z.number().int(),
    z.boolean(),
  ]),
}

type JsonKind = keyof typeof recursiveJsonSchemas

const EXPECTED: Record<JsonKind, string> = {
  value: 'a JSON value (an object, an array, a string, an integer or a boolean)',
  object: 'a JSON object',
  array: 'a JSON array',
}

/** What is not JSON, and where. */
interface Problem {
  path: PropertyKey[]
  message: string
  input: unknown
}

/** A container still to be checked, and how the walk got there (for the path of a problem). */
interface Frame {
  value: object
  key: PropertyKey | undefined
  parent: Frame | undefined
}

/** The key zod leaves out of a parsed object, so it cannot replace the prototype of a copy. */
const PROTO = '__proto__'

/** Returned when the value is valid but holds a `__proto__` key to leave out. */
const HAS_PROTO = Symbol('has __proto__')

/** A plain object, by the rule zod's `z.record()` applies (class instances are not). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const ctor: unknown = (value as { constructor?: unknown }).constructor
  if (typeof ctor !== 'function') return true
  const prototype: unknown = ctor.prototype
  return (
    typeof prototype === 'object' &&
    prototype !== null &&
    !Array.isArray(prototype) &&
    Object.hasOwn(prototype, 'isPrototypeOf')
  )
}

function isContainer(value: unknown): value is object {
  return Array.isArray(value) || isPlainObject(value)
}

function isJsonPrimitive(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || Number.isSafeInteger(value)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'number') {
    return Number.isInteger(value) ? `the unsafe integer ${value}` : `the number ${value}`
  }
  if (typeof value !== 'object') return typeof value
  if (Array.isArray(value)) return 'array'
  if (isPlainObject(value)) return 'object'
  const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name
  return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object'
}

/** The path from the root to `key` of `parent`. */
function pathTo(parent: Frame | undefined, key: PropertyKey | undefined): PropertyKey[] {
  const path: PropertyKey[] = key === undefined ? [] : [key]
  for (let frame = parent; frame?.key !== undefined; frame = frame.parent) path.unshift(frame.key)
  return path
}

function notJson(path: PropertyKey[], kind: JsonKind, input: unknown): Problem {
  return {
    path,
    message: `Invalid input: expected ${EXPECTED[kind]}, received ${describe(input)}`,
    input,
  }
}

/**
 * One check of a value, without recursion, so no nesting depth overflows the stack. An object
 * seen before (a shared or a cyclic reference) is not checked again, as zod's cycle tracking
 * did not either.
 */
class Walk {
  readonly #root: object
  readonly #stack: Frame[]
  #seen: Set<object> | undefined
  hasProto = false

  constructor(root: object) {
    this.#root = root
    this.#stack = [{ value: root, key: undefined, parent: undefined }]
  }

  /** The first problem, if any. */
  run(): Problem | undefined {
    for (let frame = this.#stack.pop(); frame !== undefined; frame = this.#stack.pop()) {
      const { value } = frame
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          const problem = this.#enter(frame, index, value[index])
          if (problem !== undefined) return problem
        }
        continue
      }
      for (const symbol of Object.getOwnPropertySymbols(value)) {
        if (Object.prototype.propertyIsEnumerable.call(value, symbol)) {
          const message = 'Invalid key: a JSON object has only string keys'
          return { path: pathTo(frame, symbol), message, input: symbol }
        }
      }
      for (const key of Object.keys(value)) {
        if (key === PROTO) {
          this.hasProto = true
          continue
        }
        const problem = this.#enter(frame, key, (value as Record<string, unknown>)[key])
        if (problem !== undefined) return problem
      }
    }
    return undefined
  }

  #enter(parent: Frame, key: PropertyKey, child: unknown): Problem | undefined {
    if (isJsonPrimitive(child)) return undefined
    if (!isContainer(child)) return notJson(pathTo(parent, key), 'value', child)
    this.#seen ??= new Set([this.#root])
    if (this.#seen.has(child)) return undefined
    this.#seen.add(child)
    this.#stack.push({ value: child, key, parent })
    return undefined
  }
}

/** The problem with `root` as a JSON value of `kind`, or whether it holds a `__proto__` key. */
function check(root: unknown, kind: JsonKind): Problem | typeof HAS_PROTO | undefined {
  const fits =
    kind === 'object'
      ? isPlainObject(root)
      : kind === 'array'
        ? Array.isArray(root)
        : isJsonPrimitive(root) || isContainer(root)
  if (!fits) return notJson([], kind, root)
  if (!isContainer(root)) return undefined
  const walk = new Walk(root)
  return walk.run() ?? (walk.hasProto ? HAS_PROTO : undefined)
}

/** A copy without `__proto__` keys, as zod's records and arrays produced; cycles are kept. */
function withoutProto(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (!isContainer(value)) return value
  const known = copies.get(value)
  if (known !== undefined) return known
  if (Array.isArray(value)) {
    const copy: unknown[] = []
    copies.set(value, copy)
    for (const item of value) copy.push(withoutProto(item, copies))
    return copy
  }
  const copy: Record<string, unknown> = {}
  copies.set(value, copy)
  for (const key of Object.keys(value)) {
    if (key !== PROTO) copy[key] = withoutProto((value as Record<string, unknown>)[key], copies)
  }
  return copy
}

/**
 * Makes `z.toJSONSchema()` describe `schema` as the recursive definition of `kind`, the way it
 * describes an optional by its inner schema; it would reject a custom schema. With an older zod 4
 * that has no `process`, it keeps rejecting it.
 */
function describeAs(schema: z.ZodType, kind: JsonKind): void {
  const description = recursiveJsonSchemas[kind]
  if (typeof zc.process !== 'function') return
  schema._zod.processJSONSchema = (context, _json, params) => {
    zc.process(description, context, params)
    const seen = context.seen.get(schema)
    if (seen !== undefined) seen.ref = description
  }
}

function jsonSchema<T>(kind: JsonKind): z.ZodType<T> {
  const base = z.custom<T>()
  const schema = base.check((payload) => {
    const found = check(payload.value, kind)
    if (found === undefined) return
    if (found === HAS_PROTO) {
      payload.value = withoutProto(payload.value) as T
      return
    }
    payload.issues.push({ code: 'custom', ...found })
  })
  // A check makes a copy whose JSON Schema is built from its parent's as well.
  describeAs(base, kind)
  describeAs(schema, kind)
  return schema
}

/** A JSON object whose values are {@link JSONValue}s. */
export const JSONObjectSchema: z.ZodType<JSONObject> = jsonSchema<JSONObject>('object')

/** A JSON array of {@link JSONValue}s. */
export const JSONArraySchema: z.ZodType<JSONArray> = jsonSchema<JSONArray>('array')

/** Any JSON value `schema.json` admits (no `null`, no fractional numbers). */
export const JSONValueSchema: z.ZodType<JSONValue> = jsonSchema<JSONValue>('value')
