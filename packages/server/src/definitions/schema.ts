/**
 * Schemas given by users: zod (converted once to JSON Schema 2020-12) or plain JSON Schema
 * (passed through untouched).
 * @module
 */
import { toJsonSchema as convertSchema } from '@mcp-sse/protocol'
import type { z } from 'zod'
import type { JsonSchema } from '../types.js'

/** A zod schema or a JSON Schema object. */
export type SchemaInput = z.ZodType | JsonSchema

/** The value a schema describes: the zod output type, or a plain record for JSON Schema. */
export type InferSchema<S> = S extends z.ZodType ? z.output<S> : Record<string, unknown>

/** Whether a value is a zod schema (duck-typed: another copy of zod 4 works too). */
export function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value
}

/**
 * The JSON Schema to publish for a schema (through the protocol package: zod is converted once
 * to 2020-12 and cached; a JSON Schema object is returned untouched). Throws a `TypeError` naming
 * `what` when the root is not an object.
 */
export function toJsonSchema(
  schema: SchemaInput,
  io: 'input' | 'output',
  what: string,
): JsonSchema {
  try {
    return convertSchema(schema, { io })
  } catch (error) {
    throw new TypeError(`${what}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** The issues of a failed zod parse as one readable line (`path: message; ...`). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.')
      return path === '' ? issue.message : `${path}: ${issue.message}`
    })
    .join('; ')
}
