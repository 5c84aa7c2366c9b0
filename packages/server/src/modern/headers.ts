/**
 * The request metadata headers of 2026-07-28 Streamable HTTP, checked against the body:
 * `MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name` and the `Mcp-Param-*` headers that tools
 * declare with `x-mcp-header`. Any disagreement is `400` + `-32020 HeaderMismatch`: the body is
 * the source of truth, and intermediaries may have routed on the headers. The rules both sides
 * share (the `=?base64?…?=` encoding, `x-mcp-header` annotations, which field `Mcp-Name` mirrors)
 * live in `@mcp-sse/protocol`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#request-metadata
 * @module
 */
import {
  ErrorCode,
  MCP_NAME_SOURCES,
  annotatedValue,
  decodeHeaderValue,
  headerAnnotations,
  type ErrorObject,
  type HeaderAnnotation,
} from '@mcp-sse/protocol'

/** The outcome of a header check. */
export type HeaderCheck = { ok: true } | { ok: false; error: ErrorObject; httpStatus: 400 }

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
  for (const annotation of annotations) {
    const { header, path } = annotation
    const name = `Mcp-Param-${header}`
    const raw = headers.get(name)
    const value = annotatedValue(args, annotation)
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
  if (!Object.hasOwn(MCP_NAME_SOURCES, request.method)) return { ok: true }
  const source = MCP_NAME_SOURCES[request.method as keyof typeof MCP_NAME_SOURCES]
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
