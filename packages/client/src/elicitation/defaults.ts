/**
 * SEP-1034: a form-mode elicitation answered with `accept` carries the schema's defaults for
 * every field the user left untouched.
 * @module
 */

/** The shape of a form-mode `requestedSchema` this needs: properties that may have a default. */
export interface FormSchema {
  properties?: Record<string, unknown> | undefined
}

/** A value an elicitation answer may hold. */
export type ElicitValue = string | number | boolean | string[]

/**
 * The content with every property the schema gives a `default` for, and the content left out,
 * filled in. What the content does have is kept, even when it differs from the default.
 *
 * @example
 * ```ts
 * applyElicitationDefaults(
 *   { properties: { name: { type: 'string', default: 'John Doe' }, age: { type: 'integer' } } },
 *   { age: 30 },
 * ) // { name: 'John Doe', age: 30 }
 * ```
 * @see https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation
 */
export function applyElicitationDefaults(
  schema: FormSchema,
  content: Record<string, unknown> = {},
): Record<string, unknown> {
  const filled: Record<string, unknown> = { ...content }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (filled[name] !== undefined || !isDefaultable(property)) continue
    const value = property.default
    if (isElicitValue(value)) filled[name] = Array.isArray(value) ? [...value] : value
  }
  return filled
}

function isDefaultable(property: unknown): property is { default: unknown } {
  return typeof property === 'object' && property !== null && 'default' in property
}

function isElicitValue(value: unknown): value is ElicitValue {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string')
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}
