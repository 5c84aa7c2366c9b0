/**
 * The request metadata headers of 2026-07-28 Streamable HTTP, checked against the body:
 * `MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name` and the `Mcp-Param-*` headers that tools
 * declare with `x-mcp-header`. Any disagreement is `400` + `-32020 HeaderMismatch`: the body is
 * the source of truth, and intermediaries may have routed on the headers.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#request-metadata
 * @module
 */
import { ErrorCode, type ErrorObject } from '@mcp-sse/protocol'
import { decodeBase64Utf8 } from './encoding.js'

/** The outcome of a header check. */
export type HeaderCheck = { ok: true } | { ok: false; error: ErrorObject; httpStatus: 400 }

/** A tool parameter mirrored into an `Mcp-Param-{header}` header. */
export interface HeaderAnnotation {
  /** The `{header}` part of `Mcp-Param-{header}`. */
  header: string
  /** The chain of `properties` keys from the schema root to the parameter. */
  path: readonly string[]
  /** The parameter's JSON type. */
  type: 'string' | 'integer' | 'boolean'
}

/** The annotations of one `inputSchema`, and what is wrong with the invalid ones. */
export interface HeaderAnnotations {
  annotations: readonly HeaderAnnotation[]
  /** Why an annotation was left out; a client excludes a tool with any of these. */
  problems: readonly string[]
}

/** The body fields each method mirrors into `Mcp-Name`. */
const NAME_SOURCES: Readonly<Record<string, string>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
}

const SENTINEL_PREFIX = '=?base64?'
const SENTINEL_SUFFIX = '?='
// RFC 9110 field values: visible ASCII, space and horizontal tab.
const FIELD_VALUE = /^[\t\x20-\x7e]*$/
// RFC 9110 token (tchar).
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const PRIMITIVE_TYPES = new Set(['string', 'integer', 'boolean'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function mismatch(message: string): HeaderCheck {
  return {
    ok: false,
    httpStatus: 400,
    error: { code: ErrorCode.HeaderMismatch, message: `Header mismatch: ${message}` },
  }
}

/** The decoded value of a header that allows the Base64 sentinel, or why it is invalid. */
export function decodeHeaderValue(
  raw: string,
): { ok: true; value: string } | { ok: false; reason: string } {
  if (!FIELD_VALUE.test(raw)) return { ok: false, reason: 'contains invalid characters' }
  const sentinel =
    raw.length >= SENTINEL_PREFIX.length + SENTINEL_SUFFIX.length &&
    raw.startsWith(SENTINEL_PREFIX) &&
    raw.endsWith(SENTINEL_SUFFIX)
  if (!sentinel) return { ok: true, value: raw }
  const decoded = decodeBase64Utf8(raw.slice(SENTINEL_PREFIX.length, -SENTINEL_SUFFIX.length))
  return decoded === undefined
    ? { ok: false, reason: 'is not valid Base64 of UTF-8 text' }
    : { ok: true, value: decoded }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value)
}

/**
 * Checks `MCP-Protocol-Version` against the version in the body's `_meta`: it MUST be present
 * and equal.
 */
export function checkProtocolVersionHeader(headers: Headers, bodyVersion: string): HeaderCheck {
  const header = headers.get('mcp-protocol-version')
  if (header === null) {
    return mismatch(
      `the MCP-Protocol-Version header is missing; it must repeat the body's protocol version '${bodyVersion}'`,
    )
  }
  if (header !== bodyVersion) {
    return mismatch(
      `MCP-Protocol-Version header value ${describe(header)} does not match body value '${bodyVersion}'`,
    )
  }
  return { ok: true }
}

const annotationCache = new WeakMap<object, HeaderAnnotations>()

/**
 * Finds the `x-mcp-header` annotations of a tool's `inputSchema`. Only properties reachable
 * through a chain of `properties` keys may carry one, with a token name unique (ignoring case)
 * within the schema, on a `string`, `integer` or `boolean` parameter; anything else is a problem.
 * Cached per schema object.
 */
export function headerAnnotations(inputSchema: Record<string, unknown>): HeaderAnnotations {
  const cached = annotationCache.get(inputSchema)
  if (cached !== undefined) return cached
  const annotations: HeaderAnnotation[] = []
  const problems: string[] = []
  const seen = new Set<string>()

  const visit = (node: unknown, path: string[], reachable: boolean): void => {
    if (Array.isArray(node)) {
      for (const entry of node) visit(entry, path, false)
      return
    }
    if (!isRecord(node)) return
    const name = node['x-mcp-header']
    if (name !== undefined && path.length > 0) {
      const where = path.join('.')
      const type = node.type
      if (!reachable) {
        problems.push(`x-mcp-header on ${where} is not reachable through properties alone`)
      } else if (typeof name !== 'string' || !TOKEN.test(name)) {
        problems.push(`x-mcp-header ${describe(name)} on ${where} is not an HTTP token`)
      } else if (seen.has(name.toLowerCase())) {
        problems.push(`x-mcp-header '${name}' is used twice (names are case-insensitive)`)
      } else if (typeof type !== 'string' || !PRIMITIVE_TYPES.has(type)) {
        problems.push(
          `x-mcp-header '${name}' is on ${where}, whose type is not string, integer or boolean`,
        )
      } else {
        seen.add(name.toLowerCase())
        annotations.push({ header: name, path, type: type as HeaderAnnotation['type'] })
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'properties' && isRecord(child)) {
        for (const [property, schema] of Object.entries(child)) {
          visit(schema, [...path, property], reachable)
        }
      } else if (typeof child === 'object' && child !== null) {
        visit(child, [...path, key], false)
      }
    }
  }
  visit(inputSchema, [], true)
  const result = { annotations, problems }
  annotationCache.set(inputSchema, result)
  return result
}

function valueAt(args: unknown, path: readonly string[]): unknown {
  let value = args
  for (const key of path) {
    if (!isRecord(value)) return undefined
    value = value[key]
  }
  return value
}

// Integers compare numerically: `42.0` and `42` are the same value.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

function sameValue(header: string, value: unknown): boolean {
  if (typeof value === 'string') return header === value
  if (typeof value === 'boolean') return header === String(value)
  if (typeof value === 'number') return NUMBER.test(header) && Number(header) === value
  return false
}

function checkParamHeaders(
  headers: Headers,
  args: unknown,
  annotations: readonly HeaderAnnotation[],
): HeaderCheck {
  for (const { header, path } of annotations) {
    const name = `Mcp-Param-${header}`
    const raw = headers.get(name)
    const value = valueAt(args, path)
    const where = `arguments.${path.join('.')}`
    if (value === undefined || value === null) {
      if (raw !== null) return mismatch(`${name} header is set but ${where} has no value`)
      continue
    }
    if (raw === null) return mismatch(`${name} header is missing; ${where} is ${describe(value)}`)
    const decoded = decodeHeaderValue(raw)
    if (!decoded.ok) return mismatch(`${name} header value ${decoded.reason}`)
    if (!sameValue(decoded.value, value)) {
      return mismatch(
        `${name} header value ${describe(decoded.value)} does not match body value ${describe(value)}`,
      )
    }
  }
  return { ok: true }
}

/** Options of {@link checkRoutingHeaders}. */
export interface RoutingHeaderOptions {
  /** The published `inputSchema` of a tool, to find its `x-mcp-header` parameters. */
  toolInputSchema?: (name: string) => Record<string, unknown> | undefined
}

/**
 * Checks `Mcp-Method` (every request), `Mcp-Name` (`tools/call`, `prompts/get`: `params.name`;
 * `resources/read`: `params.uri`) and, for `tools/call`, the tool's `Mcp-Param-*` headers.
 * Header names are case-insensitive, values case-sensitive; `Mcp-Name` and `Mcp-Param-*` may use
 * the `=?base64?…?=` sentinel, decoded before comparing. Unrecognised `Mcp-Param-*` headers are
 * ignored.
 *
 * @example
 * ```ts
 * const checked = checkRoutingHeaders(request, c.req.raw.headers, { toolInputSchema })
 * if (!checked.ok) return Response.json({ jsonrpc: '2.0', id, error: checked.error }, { status: 400 })
 * ```
 */
export function checkRoutingHeaders(
  request: { method: string; params?: unknown },
  headers: Headers,
  options: RoutingHeaderOptions = {},
): HeaderCheck {
  const method = headers.get('mcp-method')
  if (method === null) {
    return mismatch(
      `the Mcp-Method header is missing; it must repeat the body method '${request.method}'`,
    )
  }
  if (method !== request.method) {
    return mismatch(
      `Mcp-Method header value ${describe(method)} does not match body value '${request.method}'`,
    )
  }
  const params = isRecord(request.params) ? request.params : {}
  const source = NAME_SOURCES[request.method]
  if (source === undefined) return { ok: true }
  const bodyName = params[source]
  if (typeof bodyName !== 'string') return { ok: true }
  const raw = headers.get('mcp-name')
  if (raw === null) {
    return mismatch(
      `the Mcp-Name header is missing; it must repeat params.${source} ${describe(bodyName)}`,
    )
  }
  const decoded = decodeHeaderValue(raw)
  if (!decoded.ok) return mismatch(`Mcp-Name header value ${decoded.reason}`)
  if (decoded.value !== bodyName) {
    return mismatch(
      `Mcp-Name header value ${describe(decoded.value)} does not match body value ${describe(bodyName)}`,
    )
  }
  if (request.method !== 'tools/call') return { ok: true }
  const schema = options.toolInputSchema?.(bodyName)
  if (schema === undefined) return { ok: true }
  return checkParamHeaders(headers, params.arguments, headerAnnotations(schema).annotations)
}
