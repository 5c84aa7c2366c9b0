/**
 * Turns `fetch(input, init)` arguments into what `node:http` takes: a parsed URL, an upper-case
 * method, a plain header object and the body as one string or buffer.
 * @module
 */
import { Buffer } from 'node:buffer'

/** A request ready to send, and to send again after a redirect. */
export interface PreparedRequest {
  url: URL
  method: string
  /** Header names lower-cased. */
  headers: Record<string, string>
  body: string | Buffer | undefined
  signal: AbortSignal | undefined
  redirect: RequestRedirect
}

/** The methods fetch upper-cases, whatever case they are given in. */
const NORMALIZED = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH'])
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK'])
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

// The client sends the same URL over and over: parse it once.
let lastHref = ''
let lastUrl: URL | undefined

/** Parses a URL as fetch does: absolute, `http:` or `https:`, no credentials. */
export function parseUrl(href: string): URL {
  if (href === lastHref && lastUrl !== undefined) return lastUrl
  let url: URL
  try {
    url = new URL(href)
  } catch (error) {
    throw new TypeError(`Failed to parse URL from ${href}`, { cause: error })
  }
  checkUrl(url)
  lastHref = href
  lastUrl = url
  return url
}

/** Throws the TypeError fetch throws for a URL it cannot send to. */
export function checkUrl(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`fetch failed: ${url.protocol} URLs are not supported (${url.href})`)
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError(`Request cannot be constructed from a URL that includes credentials`)
  }
}

/**
 * Reads `fetch(input, init)`; an input `Request` gives what `init` does not. Synchronous unless
 * a body has to be read first (a `Blob`, a `Request`'s), so the usual call takes no extra turn.
 */
export function prepareRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
): PreparedRequest | Promise<PreparedRequest> {
  const request = input instanceof Request ? input : undefined
  const url =
    typeof input === 'string'
      ? parseUrl(input)
      : request === undefined
        ? checked(new URL((input as URL).href))
        : parseUrl(request.url)
  const method = normalizeMethod(init?.method ?? request?.method ?? 'GET')
  const headers = headerObject(init?.headers ?? request?.headers)
  const signal = init?.signal ?? request?.signal ?? undefined
  const redirect = init?.redirect ?? request?.redirect ?? 'follow'
  const finish = (body: string | Buffer | undefined): PreparedRequest =>
    withBody({ url, method, headers, body, signal: signal ?? undefined, redirect })
  if (init?.body != null) {
    const body = bodyOf(init.body, headers)
    return body instanceof Promise ? body.then(finish) : finish(body)
  }
  if (request?.body != null && init?.body === undefined) {
    return request.arrayBuffer().then((bytes) => finish(Buffer.from(bytes)))
  }
  return finish(undefined)
}

/** Checks the body against the method and gives it a `content-length`. */
function withBody(prepared: PreparedRequest): PreparedRequest {
  const { method, headers, body } = prepared
  if (body !== undefined && (method === 'GET' || method === 'HEAD')) {
    throw new TypeError('Request with GET/HEAD method cannot have body.')
  }
  if (headers['content-length'] === undefined) {
    if (body !== undefined) {
      headers['content-length'] = String(
        typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
      )
    } else if (method === 'POST' || method === 'PUT') {
      headers['content-length'] = '0'
    }
  }
  return prepared
}

function checked(url: URL): URL {
  checkUrl(url)
  return url
}

function normalizeMethod(method: string): string {
  const upper = method.toUpperCase()
  if (NORMALIZED.has(upper)) return upper
  if (!TOKEN.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`)
  if (FORBIDDEN_METHODS.has(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`)
  return method
}

/** Any `HeadersInit` as an object with lower-case names; repeated names joined as fetch does. */
function headerObject(init: HeadersInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {}
  if (init === undefined) return headers
  const add = (name: string, value: string): void => {
    const key = name.toLowerCase()
    const trimmed = value.trim()
    const previous = headers[key]
    headers[key] = previous === undefined ? trimmed : `${previous}, ${trimmed}`
  }
  if (init instanceof Headers) {
    init.forEach((value, name) => {
      headers[name] = value
    })
  } else if (Array.isArray(init)) {
    for (const pair of init as unknown[]) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new TypeError('Headers constructor: expected name/value pair to be length 2')
      }
      add(String(pair[0]), String(pair[1]))
    }
  } else {
    for (const name in init) add(name, String(init[name]))
  }
  return headers
}

/** A body as one string or buffer, and the content type fetch would give it. */
function bodyOf(
  body: BodyInit,
  headers: Record<string, string>,
): string | Buffer | Promise<Buffer> {
  const type = (value: string): void => {
    headers['content-type'] ??= value
  }
  if (typeof body === 'string') {
    type('text/plain;charset=UTF-8')
    return body
  }
  // Copied, as fetch copies: the caller may reuse its buffer before the socket has written it.
  if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body))
  if (ArrayBuffer.isView(body)) {
    return Buffer.from(new Uint8Array(body.buffer, body.byteOffset, body.byteLength))
  }
  if (body instanceof URLSearchParams) {
    type('application/x-www-form-urlencoded;charset=UTF-8')
    return body.toString()
  }
  if (body instanceof Blob) {
    if (body.type !== '') type(body.type)
    return body.arrayBuffer().then((bytes) => Buffer.from(bytes))
  }
  const kind = (body as object | null)?.constructor?.name ?? typeof body
  throw new TypeError(
    `nodeFetch sends a string, Uint8Array, ArrayBuffer, URLSearchParams or Blob body, not ${kind}`,
  )
}
