/**
 * A tool's `inputSchema` and `outputSchema`: JSON Schema 2020-12 generated from a zod schema,
 * or a JSON Schema the developer wrote, passed through untouched.
 *
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#json-schema-usage
 * @module
 */
import { z } from 'zod'
import type * as zc from 'zod/v4/core'
import { isJsonObject } from './jsonrpc/inspect.js'

/** A JSON Schema object: the parsed JSON of a schema document whose root is an object. */
export type JsonSchemaObject = Record<string, unknown>

/** Any zod 4 schema, classic or mini. */
export type ZodSchema = zc.$ZodType

/** Options of {@link toJsonSchema}. */
export interface ToJsonSchemaOptions {
  /**
   * Which side of a zod schema to describe: `'input'` (what a caller may send, before
   * defaults and transforms) for `inputSchema`, `'output'` (what parsing produces) for
   * `outputSchema`. Ignored for a JSON Schema object.
   * @default 'input'
   */
  io?: 'input' | 'output'
  /**
   * Require `type: "object"` at the root. Every revision requires it of `inputSchema`, since
   * tool arguments are a JSON object; 2025-11-25 and earlier also require it of
   * `outputSchema`, while 2026-07-28 allows any schema there.
   * @default true
   */
  requireObject?: boolean
}

/**
 * Whether `value` is a zod 4 schema (classic `zod` or `zod/mini`). Checks the shape rather than
 * `instanceof`, so a schema built with another copy of zod 4 is recognised too.
 *
 * @example
 * ```ts
 * isZodSchema(z.object({ city: z.string() })) // true
 * isZodSchema({ type: 'object' }) // false
 * ```
 */
export function isZodSchema(value: unknown): value is ZodSchema {
  if (typeof value !== 'object' || value === null || !('_zod' in value)) return false
  const internals = value._zod
  return typeof internals === 'object' && internals !== null && 'def' in internals
}

// zod 3 schemas carry `_def` and `safeParse` but no `_zod`; they cannot be converted here.
function isZod3Schema(value: object): boolean {
  return '_def' in value && 'safeParse' in value
}

// Tools are listed far more often than they are defined, so each zod schema is converted once
// per side. Weak keys let schemas that are no longer used be collected.
const cache = { input: new WeakMap<object, unknown>(), output: new WeakMap<object, unknown>() }

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

function convert(schema: ZodSchema, io: 'input' | 'output'): unknown {
  const cached = cache[io].get(schema)
  if (cached !== undefined) return cached
  let converted: JsonSchemaObject
  try {
    // Cloned because zod copies `.meta()` values by reference, and freezing them would freeze
    // the developer's own objects.
    converted = structuredClone(z.toJSONSchema(schema, { target: 'draft-2020-12', io }))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new TypeError(`Cannot convert the zod schema to JSON Schema: ${reason}`, {
      cause: error,
    })
  }
  const result = deepFreeze(withObjectType(converted))
  cache[io].set(schema, result)
  return result
}

// zod describes a union of objects (z.union, z.discriminatedUnion) as `anyOf`/`oneOf` with no
// root `type`. Every branch is an object, so `type: "object"` at the root changes nothing about
// what validates, and it makes the schema acceptable as a tool's inputSchema.
function withObjectType(schema: JsonSchemaObject): JsonSchemaObject {
  if ('type' in schema) return schema
  const branches = schema.anyOf ?? schema.oneOf
  const allObjects =
    Array.isArray(branches) &&
    branches.length > 0 &&
    branches.every((branch) => isJsonObject(branch) && branch.type === 'object')
  if (!allObjects) return schema
  const { $schema, ...rest } = schema
  return $schema === undefined ? { type: 'object', ...rest } : { $schema, type: 'object', ...rest }
}

function describeRoot(schema: unknown): string {
  if (!isJsonObject(schema)) return Array.isArray(schema) ? 'an array' : JSON.stringify(schema)
  return 'type' in schema ? `type ${JSON.stringify(schema.type)}` : 'no type'
}

/**
 * Turns a tool's schema into the JSON Schema that goes into `inputSchema` or `outputSchema`.
 *
 * - A **zod 4 schema** is converted with zod's own `z.toJSONSchema`, targeting JSON Schema
 *   2020-12 (the dialect MCP assumes when `$schema` is absent) for the side `io` names. The
 *   result is cached per schema and frozen: clone it before changing it.
 * - A **JSON Schema object** is returned as it is, the same object, with every keyword
 *   (`$schema`, `$defs`, `$ref`, `additionalProperties`, `x-mcp-header`, ...) kept exactly.
 *
 * Invalid input is a mistake in the program, not in a message from the network, so it throws a
 * `TypeError` at once, when the tool is defined: a root that is not `type: "object"` while
 * `requireObject` is on, a zod schema zod cannot express in JSON Schema (such as `z.date()` or
 * a transform on the described side), a zod 3 schema, a bare zod shape (`{ city: z.string() }`,
 * which needs `z.object()` around it), or anything that is not an object.
 *
 * @example
 * ```ts
 * toJsonSchema(z.object({ city: z.string() }))
 * // { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object',
 * //   properties: { city: { type: 'string' } }, required: ['city'] }
 * toJsonSchema({ type: 'object', properties: { city: { type: 'string' } } }) // returned as is
 * ```
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#json-schema-usage
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/tools#tool
 */
export function toJsonSchema(
  schema: ZodSchema | JsonSchemaObject,
  options: ToJsonSchemaOptions = {},
): JsonSchemaObject {
  const io = options.io ?? 'input'
  const requireObject = options.requireObject ?? true
  let result: unknown
  if (isZodSchema(schema)) {
    result = convert(schema, io)
  } else if (isJsonObject(schema)) {
    if (isZod3Schema(schema)) {
      throw new TypeError('Expected a zod 4 schema or a JSON Schema object, got a zod 3 schema')
    }
    const zodKey = Object.keys(schema).find((key) => isZodSchema(schema[key]))
    if (zodKey !== undefined) {
      throw new TypeError(
        `Expected a zod schema or a JSON Schema object, got an object of zod schemas (key "${zodKey}"): wrap it in z.object()`,
      )
    }
    result = schema
  } else {
    throw new TypeError(
      `Expected a zod schema or a JSON Schema object, got ${schema === null ? 'null' : typeof schema}`,
    )
  }
  if (!isJsonObject(result) || (requireObject && result.type !== 'object')) {
    throw new TypeError(
      `A tool's inputSchema (and, before 2026-07-28, its outputSchema) must have type "object" at the root, got ${describeRoot(result)}`,
    )
  }
  return result
}
