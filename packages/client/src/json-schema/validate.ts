/**
 * A small JSON Schema validator for structured tool output. It compiles nothing and never calls
 * `eval` or `new Function`, so it runs on Workers and under a strict CSP, where ajv cannot.
 *
 * It checks the keywords tool schemas use (types, enums, properties, arrays, bounds, patterns,
 * composition, conditionals and local `$ref`s) and ignores the rest (`format`, annotations,
 * remote references): a value it accepts may still break a rule it does not know.
 * @module
 */

/** Where a value breaks its schema. */
export interface SchemaIssue {
  /** A JSON pointer to the value, `''` for the root. */
  path: string
  /** What is wrong. */
  message: string
}

type Schema = Record<string, unknown>

const MAX_ISSUES = 10

/**
 * Checks a value against a JSON Schema (2020-12, and draft-07's `definitions` and array
 * `items`). Returns the issues found, at most ten; none means valid.
 *
 * @example
 * ```ts
 * validateJsonSchema({ type: 'object', required: ['n'] }, {}) // [{ path: '', message: 'must have property "n"' }]
 * ```
 */
export function validateJsonSchema(schema: unknown, value: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = []
  check(schema, value, '', schema, issues, 0)
  return issues.slice(0, MAX_ISSUES)
}

function check(
  schema: unknown,
  value: unknown,
  path: string,
  root: unknown,
  issues: SchemaIssue[],
  depth: number,
): void {
  if (issues.length >= MAX_ISSUES || depth > 64) return
  if (schema === false) issues.push({ path, message: 'is not allowed' })
  if (typeof schema !== 'object' || schema === null) return
  const s = schema as Schema
  const fail = (message: string) => void issues.push({ path, message })

  if (typeof s.$ref === 'string') check(resolve(root, s.$ref), value, path, root, issues, depth + 1)
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string]
    if (!types.some((type) => hasType(value, type))) fail(`must be ${types.join(' or ')}`)
  }
  if (Array.isArray(s.enum) && !s.enum.some((option) => equal(option, value))) {
    fail(`must be one of ${JSON.stringify(s.enum)}`)
  }
  if ('const' in s && !equal(s.const, value)) fail(`must be ${JSON.stringify(s.const)}`)

  if (typeof value === 'number') checkNumber(s, value, fail)
  if (typeof value === 'string') checkString(s, value, fail)
  if (Array.isArray(value)) checkArray(s, value, path, root, issues, depth)
  else if (typeof value === 'object' && value !== null) {
    checkObject(s, value as Record<string, unknown>, path, root, issues, depth)
  }

  const sub = (candidate: unknown) => {
    const found: SchemaIssue[] = []
    check(candidate, value, path, root, found, depth + 1)
    return found.length === 0
  }
  if (Array.isArray(s.allOf))
    for (const part of s.allOf) check(part, value, path, root, issues, depth + 1)
  if (Array.isArray(s.anyOf) && !s.anyOf.some(sub)) fail('must match a schema in anyOf')
  if (Array.isArray(s.oneOf) && s.oneOf.filter(sub).length !== 1) {
    fail('must match exactly one schema in oneOf')
  }
  if (s.not !== undefined && sub(s.not)) fail('must not match the schema in not')
  if (s.if !== undefined) {
    const branch = sub(s.if) ? s.then : s.else
    if (branch !== undefined) check(branch, value, path, root, issues, depth + 1)
  }
}

function checkNumber(s: Schema, value: number, fail: (message: string) => void): void {
  if (typeof s.minimum === 'number' && value < s.minimum) fail(`must be >= ${s.minimum}`)
  if (typeof s.maximum === 'number' && value > s.maximum) fail(`must be <= ${s.maximum}`)
  if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) {
    fail(`must be > ${s.exclusiveMinimum}`)
  }
  if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) {
    fail(`must be < ${s.exclusiveMaximum}`)
  }
  if (typeof s.multipleOf === 'number' && s.multipleOf > 0) {
    const quotient = value / s.multipleOf
    if (Math.abs(quotient - Math.round(quotient)) > 1e-9)
      fail(`must be a multiple of ${s.multipleOf}`)
  }
}

function checkString(s: Schema, value: string, fail: (message: string) => void): void {
  // JSON Schema counts code points, not UTF-16 units.
  // eslint-disable-next-line @typescript-eslint/no-misused-spread
  const length = [...value].length
  if (typeof s.minLength === 'number' && length < s.minLength) {
    fail(`must have at least ${s.minLength} characters`)
  }
  if (typeof s.maxLength === 'number' && length > s.maxLength) {
    fail(`must have at most ${s.maxLength} characters`)
  }
  if (typeof s.pattern === 'string') {
    let pattern: RegExp | undefined
    try {
      pattern = new RegExp(s.pattern, 'u')
    } catch {
      // A pattern this runtime cannot compile is not the value's fault.
    }
    if (pattern !== undefined && !pattern.test(value)) fail(`must match ${s.pattern}`)
  }
}

function checkArray(
  s: Schema,
  value: unknown[],
  path: string,
  root: unknown,
  issues: SchemaIssue[],
  depth: number,
): void {
  if (typeof s.minItems === 'number' && value.length < s.minItems) {
    issues.push({ path, message: `must have at least ${s.minItems} items` })
  }
  if (typeof s.maxItems === 'number' && value.length > s.maxItems) {
    issues.push({ path, message: `must have at most ${s.maxItems} items` })
  }
  // 2020-12 `prefixItems` + `items`, or draft-07 array-form `items` + `additionalItems`.
  const prefix = Array.isArray(s.prefixItems)
    ? s.prefixItems
    : Array.isArray(s.items)
      ? s.items
      : []
  const rest = Array.isArray(s.items) ? s.additionalItems : s.items
  value.forEach((item, index) => {
    const itemSchema: unknown = index < prefix.length ? prefix[index] : rest
    check(itemSchema, item, `${path}/${index}`, root, issues, depth + 1)
  })
  if (s.uniqueItems === true) {
    const seen = value.map((item) => JSON.stringify(item))
    if (new Set(seen).size !== seen.length) issues.push({ path, message: 'must have unique items' })
  }
}

function checkObject(
  s: Schema,
  value: Record<string, unknown>,
  path: string,
  root: unknown,
  issues: SchemaIssue[],
  depth: number,
): void {
  const properties = (s.properties ?? {}) as Record<string, unknown>
  if (Array.isArray(s.required)) {
    for (const name of s.required as string[]) {
      if (!Object.hasOwn(value, name))
        issues.push({ path, message: `must have property "${name}"` })
    }
  }
  const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, unknown>)
  const keys = Object.keys(value)
  if (typeof s.minProperties === 'number' && keys.length < s.minProperties) {
    issues.push({ path, message: `must have at least ${s.minProperties} properties` })
  }
  if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) {
    issues.push({ path, message: `must have at most ${s.maxProperties} properties` })
  }
  for (const key of keys) {
    const childPath = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`
    let matched = false
    if (Object.hasOwn(properties, key)) {
      matched = true
      check(properties[key], value[key], childPath, root, issues, depth + 1)
    }
    for (const [pattern, schema] of patterns) {
      if (safeTest(pattern, key)) {
        matched = true
        check(schema, value[key], childPath, root, issues, depth + 1)
      }
    }
    if (!matched && s.additionalProperties !== undefined) {
      if (s.additionalProperties === false) {
        issues.push({ path, message: `must not have additional property "${key}"` })
      } else check(s.additionalProperties, value[key], childPath, root, issues, depth + 1)
    }
  }
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null
    case 'array':
      return Array.isArray(value)
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    default:
      return typeof value === type
  }
}

/** Resolves a local reference (`#`, `#/$defs/x`); anything else resolves to no constraint. */
function resolve(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined
  let node: unknown = root
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~')
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const aKeys = Object.keys(a)
  const bKeys = Object.keys(b)
  if (aKeys.length !== bKeys.length) return false
  return aKeys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  )
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text)
  } catch {
    return false
  }
}
