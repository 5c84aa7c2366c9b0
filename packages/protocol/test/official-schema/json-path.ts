/**
 * Paths into JSON instances: reading, replacing and merging values without touching the original.
 * @module
 */
import type { JsonObject, JsonValue } from './spec-schema.js'

/** A location inside an instance: property names and array indexes from the root. */
export type Path = readonly (string | number)[]

/** A readable JSON pointer for labels and messages. */
export function pointer(path: Path): string {
  return path.length === 0 ? '/' : path.map((part) => `/${String(part)}`).join('')
}

export function isPlainObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Later parts win on conflicts, objects merge key by key (for `allOf`). */
export function mergeValues(a: JsonValue, b: JsonValue): JsonValue {
  if (!isPlainObject(a) || !isPlainObject(b)) return b
  const merged: JsonObject = { ...a }
  for (const [key, value] of Object.entries(b)) {
    const existing = merged[key]
    merged[key] = existing === undefined ? value : mergeValues(existing, value)
  }
  return merged
}

/** The value at `path`, or undefined when the path leads nowhere. */
export function valueAt(root: JsonValue, path: Path): JsonValue | undefined {
  let current: JsonValue | undefined = root
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = Array.isArray(current) ? current[part as number] : current[part as string]
  }
  return current
}

/** A deep copy of `root` with the value at `path` replaced (or deleted when `next` is undefined). */
export function replaceAt(
  root: JsonValue,
  path: Path,
  next: JsonValue | undefined,
): JsonValue | undefined {
  if (path.length === 0) return next
  const [head, ...rest] = path
  if (Array.isArray(root)) {
    const copy = [...root]
    const replaced = replaceAt(copy[head as number]!, rest, next)
    if (replaced === undefined) copy.splice(head as number, 1)
    else copy[head as number] = replaced
    return copy
  }
  const entries = Object.entries(root as JsonObject)
  const key = head as string
  const replaced = replaceAt((root as JsonObject)[key]!, rest, next)
  const kept = entries.filter(([name]) => name !== key)
  if (replaced === undefined) return Object.fromEntries(kept)
  // Keep the key where it was, so a reader can compare a mutation with its original.
  return Object.fromEntries(
    key in (root as JsonObject)
      ? entries.map(([name, value]) => [name, name === key ? replaced : value])
      : [...entries, [key, replaced]],
  )
}
