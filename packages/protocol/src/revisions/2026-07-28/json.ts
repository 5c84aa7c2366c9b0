/**
 * JSON values as the 2026-07-28 schema defines them. They type the open settings objects of
 * capabilities and sampling `metadata`.
 *
 * The official `schema.json` is narrower than `schema.ts` here: its `JSONValue` admits strings,
 * integers, booleans, objects and arrays, but neither `null` nor fractional numbers. We follow
 * `schema.json`, which is what the oracle test checks against.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/schema#jsonvalue
 * @module
 */
import { z } from 'zod'

/** Any JSON value `schema.json` admits: an object, an array, a string, an integer or a boolean. */
export type JSONValue = JSONObject | JSONArray | string | number | boolean

/** A JSON object whose values are {@link JSONValue}s. */
export type JSONObject = { [key: string]: JSONValue }

/** A JSON array of {@link JSONValue}s. */
export type JSONArray = JSONValue[]

/** A JSON object whose values are {@link JSONValue}s. */
export const JSONObjectSchema: z.ZodType<JSONObject> = z.record(
  z.string(),
  z.lazy(() => JSONValueSchema),
)

/** A JSON array of {@link JSONValue}s. */
export const JSONArraySchema: z.ZodType<JSONArray> = z.array(z.lazy(() => JSONValueSchema))

/** Any JSON value `schema.json` admits (no `null`, no fractional numbers). */
export const JSONValueSchema: z.ZodType<JSONValue> = z.union([
  JSONObjectSchema,
  JSONArraySchema,
  z.string(),
  z.number().int(),
  z.boolean(),
])
