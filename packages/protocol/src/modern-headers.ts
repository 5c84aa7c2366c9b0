/**
 * The request metadata headers of 2026-07-28 Streamable HTTP, as both sides see them: the header
 * names, which body field each method mirrors into `Mcp-Name`, the `x-mcp-header` annotations of
 * a tool's `inputSchema`, and the `=?base64?…?=` encoding of values that are not plain ASCII.
 * A client builds its headers with these; a server checks them against the body with the same
 * rules. Web-standard APIs only (`btoa`, `atob`, `TextEncoder`, `TextDecoder`).
 *
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#request-metadata
 * @module
 */

/**
 * The names of the request metadata headers. Header names are case-insensitive; these are the
 * spellings the specification uses.
 */
export const MCP_HEADERS = {
  /** Every POST; equals `_meta["io.modelcontextprotocol/protocolVersion"]`. */
  protocolVersion: 'MCP-Protocol-Version',
  /** Every POST; equals the body's `method`. */
  method: 'Mcp-Method',
  /** `tools/call`, `prompts/get` (`params.name`) and `resources/read` (`params.uri`). */
  name: 'Mcp-Name',
  /** Followed by the `x-mcp-header` name of a tool parameter: `Mcp-Param-Region`. */
  paramPrefix: 'Mcp-Param-',
} as const

/** The body field each method mirrors into `Mcp-Name`. Other methods send no `Mcp-Name`. */
export const MCP_NAME_SOURCES = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
} as const

/**
 * The value of `Mcp-Name` for a request, unencoded: `params.name` or `params.uri`, or `undefined`
 * for a method that has none (or a request whose field is not a string).
 *
 * @example
 * ```ts
 * mcpNameOf('resources/read', { uri: 'file:///a.txt' }) // 'file:///a.txt'
 * mcpNameOf('tools/list', {}) // undefined
 * ```
 */
export function mcpNameOf(method: string, params: unknown): string | undefined {
  if (!Object.hasOwn(MCP_NAME_SOURCES, method) || !isRecord(params)) return undefined
  const value = params[MCP_NAME_SOURCES[method as keyof typeof MCP_NAME_SOURCES]]
  return typeof value === 'string' ? value : undefined
}

const SENTINEL_PREFIX = '=?base64?'
const SENTINEL_SUFFIX = '?='
// RFC 9110 field values: visible ASCII, space and horizontal tab (what a server accepts).
const FIELD_VALUE = /^[\t\x20-\x7e]*$/
// What a client sends as it is: printable ASCII, no whitespace at either end.
const PLAIN_VALUE = /^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)?$/
// Canonical padded Base64: `atob` forgives missing padding, the header rules do not.
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
// RFC 9110 token (tchar).
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

const encoder = new TextEncoder()
const strictDecoder = new TextDecoder('utf-8', { fatal: true })

function looksEncoded(value: string): boolean {
  return (
    value.length >= SENTINEL_PREFIX.length + SENTINEL_SUFFIX.length &&
    value.startsWith(SENTINEL_PREFIX) &&
    value.endsWith(SENTINEL_SUFFIX)
  )
}

/**
 * A string as a header value: as it is when it is printable ASCII without whitespace at either
 * end, else `=?base64?{Base64 of its UTF-8}?=`. A plain value that looks like the sentinel is
 * encoded too, so that it cannot be mistaken for one.
 *
 * @example
 * ```ts
 * encodeHeaderValue('us-west1') // 'us-west1'
 * encodeHeaderValue('Hello, 世界') // '=?base64?SGVsbG8sIOS4lueVjA==?='
 * ```
 */
export function encodeHeaderValue(value: string): string {
  if (PLAIN_VALUE.test(value) && !looksEncoded(value)) return value
  const bytes = encoder.encode(value)
  let binary = ''
  // Chunks keep String.fromCharCode below the engines' argument limits for long values.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000))
  }
  return `${SENTINEL_PREFIX}${btoa(binary)}${SENTINEL_SUFFIX}`
}

/** The outcome of {@link decodeHeaderValue}. */
export type DecodedHeaderValue = { ok: true; value: string } | { ok: false; reason: string }

/**
 * The value a received `Mcp-Name` or `Mcp-Param-*` header stands for: the sentinel decoded,
 * anything else literal. A value with characters a header may not hold, or a sentinel that is
 * not canonical padded Base64 of UTF-8, is invalid. Never throws.
 *
 * @example
 * ```ts
 * decodeHeaderValue('=?base64?IHBhZGRlZCA=?=') // { ok: true, value: ' padded ' }
 * decodeHeaderValue('=?base64?SGVsbG8?=') // { ok: false, reason: 'is not valid Base64 of UTF-8 text' }
 * ```
 */
export function decodeHeaderValue(raw: string): DecodedHeaderValue {
  if (!FIELD_VALUE.test(raw)) return { ok: false, reason: 'contains invalid characters' }
  if (!looksEncoded(raw)) return { ok: true, value: raw }
  const encoded = raw.slice(SENTINEL_PREFIX.length, -SENTINEL_SUFFIX.length)
  const invalid = { ok: false, reason: 'is not valid Base64 of UTF-8 text' } as const
  if (!STRICT_BASE64.test(encoded)) return invalid
  try {
    const binary = atob(encoded)
    const bytes = new Uint8Array(binary.length)
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
    return { ok: true, value: strictDecoder.decode(bytes) }
  } catch {
    return invalid
  }
}

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
  /** The valid annotations, in schema order. */
  annotations: readonly HeaderAnnotation[]
  /**
   * Why an annotation is invalid. A client on Streamable HTTP MUST leave a tool with any of these
   * out of `tools/list`.
   */
  problems: readonly string[]
}

const PRIMITIVE_TYPES = new Set(['string', 'integer', 'boolean'])
const annotationCache = new WeakMap<object, HeaderAnnotations>()

/**
 * Finds the `x-mcp-header` annotations of a tool's `inputSchema`. Only properties reachable from
 * the root through a chain of `properties` keys may carry one, with a name that is an HTTP token,
 * unique (ignoring case) within the schema, on a `string`, `integer` or `boolean` parameter
 * (`number` is not allowed); anything else is a problem. Cached per schema object.
 *
 * @example
 * ```ts
 * headerAnnotations({ type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } } })
 * // { annotations: [{ header: 'Region', path: ['region'], type: 'string' }], problems: [] }
 * ```
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#schema-extension
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
    if (Object.hasOwn(node, 'x-mcp-header') && path.length > 0) {
      const name = node['x-mcp-header']
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

/**
 * The argument an annotation mirrors: the value at its exact property path, or `undefined` when
 * there is none.
 *
 * @example
 * ```ts
 * annotatedValue({ target: { tenant: 'acme' } }, { header: 'Tenant', path: ['target', 'tenant'], type: 'string' }) // 'acme'
 * ```
 */
export function annotatedValue(args: unknown, annotation: HeaderAnnotation): unknown {
  let value = args
  for (const key of annotation.path) {
    if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined
    value = value[key]
  }
  return value
}

/**
 * The `Mcp-Param-*` header value for an argument, encoded: strings as they are, numbers in
 * decimal, booleans as `true`/`false`. `undefined` when no header is sent: the value is absent,
 * `null`, or not a primitive.
 *
 * @example
 * ```ts
 * paramHeaderValue(42) // '42'
 * paramHeaderValue(' padded ') // '=?base64?IHBhZGRlZCA=?='
 * paramHeaderValue(null) // undefined
 * ```
 */
export function paramHeaderValue(value: unknown): string | undefined {
  if (typeof value === 'string') return encodeHeaderValue(value)
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value)
}
