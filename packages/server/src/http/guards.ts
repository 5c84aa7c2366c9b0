/**
 * Checks every request passes before it reaches the MCP layer. Each returns `undefined` when the
 * request may go on, or the response that rejects it.
 * @module
 */
import { ErrorCode } from '@mcp-sse/protocol'
import { httpError } from './http-error.js'

/** The host names a local server answers to by default. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]']

/** Host and Origin policy (DNS-rebinding protection). */
export interface OriginPolicy {
  /**
   * Host names (optionally with `:port`) the server answers to; `'localhost'` is shorthand for
   * {@link LOOPBACK_HOSTS}; `false` accepts any host.
   */
  allowedHosts: readonly string[] | 'localhost' | false
  /**
   * Origins (`scheme://host[:port]`) allowed to call the server from a browser. When absent, an
   * origin is allowed if its host passes `allowedHosts` (or, with `allowedHosts: false`, if it
   * is the request's own origin).
   */
  allowedOrigins?: readonly string[] | undefined
}

function hostsOf(policy: OriginPolicy): readonly string[] | false {
  return policy.allowedHosts === 'localhost' ? LOOPBACK_HOSTS : policy.allowedHosts
}

/** Splits `host[:port]` (IPv6 in brackets) into lower-case name and port. */
export function splitHost(host: string): { name: string; port: string | undefined } {
  const value = host.trim().toLowerCase()
  if (value.startsWith('[')) {
    const end = value.indexOf(']')
    if (end === -1) return { name: value, port: undefined }
    const rest = value.slice(end + 1)
    return { name: value.slice(0, end + 1), port: rest.startsWith(':') ? rest.slice(1) : undefined }
  }
  const colon = value.lastIndexOf(':')
  return colon === -1
    ? { name: value, port: undefined }
    : { name: value.slice(0, colon), port: value.slice(colon + 1) }
}

/**
 * A small memo for values parsed from request headers: clients send the same `Host` and `Accept`
 * on every request, so each distinct value is parsed once. Bounded: it starts over when full, so
 * a client that sends ever-different values costs a parse per request, no more.
 */
class HeaderMemo<T> {
  readonly #values = new Map<string, T>()
  readonly #compute: (header: string) => T

  constructor(compute: (header: string) => T) {
    this.#compute = compute
  }

  get(header: string): T {
    let value = this.#values.get(header)
    if (value === undefined) {
      if (this.#values.size >= 256) this.#values.clear()
      value = this.#compute(header)
      this.#values.set(header, value)
    }
    return value
  }
}

function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const { name, port } = splitHost(host)
  for (const entry of allowed) {
    const wanted = splitHost(entry)
    if (wanted.name === name && (wanted.port === undefined || wanted.port === port)) return true
  }
  return false
}

// Verdicts per allowed list: the list is read when the app is built and not changed afterwards.
const hostVerdicts = new WeakMap<readonly string[], HeaderMemo<boolean>>()

function hostAllowedMemo(host: string, allowed: readonly string[]): boolean {
  let memo = hostVerdicts.get(allowed)
  if (memo === undefined) {
    memo = new HeaderMemo((value) => hostAllowed(value, allowed))
    hostVerdicts.set(allowed, memo)
  }
  return memo.get(host)
}

function requestHost(request: Request): string {
  return request.headers.get('host') ?? new URL(request.url).host
}

/**
 * Rejects a request whose `Host` or `Origin` is not allowed, with 403 (DNS rebinding).
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#security-warning
 */
export function checkOrigin(request: Request, policy: OriginPolicy): Response | undefined {
  const hosts = hostsOf(policy)
  const host = requestHost(request)
  if (hosts !== false && !hostAllowedMemo(host, hosts)) {
    return httpError(
      403,
      `Forbidden: Host '${host}' is not allowed. Add it to the server's allowedHosts option ` +
        `(default: localhost only), or set allowedHosts: false.`,
    )
  }
  const origin = request.headers.get('origin')
  if (origin === null) return undefined
  const normalized = origin.trim().toLowerCase().replace(/\/$/, '')
  if (policy.allowedOrigins !== undefined) {
    if (
      policy.allowedOrigins.some(
        (allowed) => allowed.toLowerCase().replace(/\/$/, '') === normalized,
      )
    ) {
      return undefined
    }
  } else {
    let originHost: string | undefined
    try {
      originHost = new URL(normalized).host
    } catch {
      originHost = undefined
    }
    if (originHost !== undefined && originHost !== '') {
      const sameHost = originHost === host.trim().toLowerCase()
      if (hosts === false ? sameHost : hostAllowed(originHost, hosts)) {
        return undefined
      }
    }
  }
  return httpError(
    403,
    `Forbidden: Origin '${origin}' is not allowed. Add it to the server's allowedOrigins option.`,
  )
}

/** The media types of an `Accept` or `Content-Type` header, lower case, without parameters. */
export function mediaTypes(header: string | null): string[] {
  if (header === null) return []
  return header.split(',').map((part) => (part.split(';', 1)[0] ?? '').trim().toLowerCase())
}

const acceptedTypes = new HeaderMemo<readonly string[]>(mediaTypes)

/**
 * Rejects a request whose `Accept` does not list every one of `required` (or a wildcard), with
 * 406.
 */
export function checkAccept(request: Request, required: readonly string[]): Response | undefined {
  const header = request.headers.get('accept')
  const accepted = header === null ? [] : acceptedTypes.get(header)
  if (accepted.includes('*/*')) return undefined
  const missing = required.filter(
    (type) =>
      !accepted.includes(type) && !accepted.includes(`${type.slice(0, type.indexOf('/'))}/*`),
  )
  if (missing.length === 0) return undefined
  return httpError(
    406,
    `Not Acceptable: the Accept header must list ${required.join(' and ')} (missing ${missing.join(', ')})`,
  )
}

/** Rejects a POST whose body is not `application/json` (UTF-8), with 415. */
export function checkContentType(request: Request): Response | undefined {
  const header = request.headers.get('content-type')
  // What every client sends; anything else is parsed.
  if (header === 'application/json') return undefined
  const [type] = mediaTypes(header)
  const charset = /charset\s*=\s*"?([^";]+)/i.exec(header ?? '')?.[1]?.toLowerCase()
  if (type === 'application/json' && (charset === undefined || charset === 'utf-8'))
    return undefined
  return httpError(
    415,
    `Unsupported Media Type: the body must be application/json in UTF-8, got '${header ?? 'nothing'}'`,
  )
}

function tooLarge(maxBytes: number): { response: Response } {
  return {
    response: httpError(413, `Payload Too Large: the body exceeds the limit of ${maxBytes} bytes`),
  }
}

/** The body as text, or the 413/400 response when it is too large or unreadable. */
export async function readBody(
  request: Request,
  maxBytes: number,
): Promise<{ text: string } | { response: Response }> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > maxBytes) return tooLarge(maxBytes)
  try {
    if (declared !== null) {
      // text() first, never `body`: on @hono/node-server touching `body` builds a full web
      // Request, which costs more than the rest of a tools/call.
      const text = await request.text()
      // A string never has more characters than its UTF-8 encoding has bytes.
      return text.length > maxBytes ? tooLarge(maxBytes) : { text }
    }
    if (request.body === null) return { text: '' }
    // No declared length (chunked): count while reading, and stop at the limit.
    const reader = request.body.getReader()
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel()
        return tooLarge(maxBytes)
      }
      chunks.push(value)
    }
    const bytes = new Uint8Array(size)
    let offset = 0
    for (const chunk of chunks) {
      bytes.set(chunk, offset)
      offset += chunk.byteLength
    }
    return { text: new TextDecoder().decode(bytes) }
  } catch {
    return {
      response: httpError(400, 'Bad Request: the request body could not be read', {
        code: ErrorCode.ParseError,
      }),
    }
  }
}
