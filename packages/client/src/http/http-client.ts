/**
 * The HTTP layer, with ky inside: one place for headers, authorization, retries on connection
 * failure, timeouts and error mapping. Nothing of ky leaves this file.
 * @module
 */
import ky, { type KyInstance } from 'ky'
import { sleep } from '../transport/reconnect.js'
import { isConnectionRefused, transportError } from './errors.js'

/**
 * A `fetch` to send requests with, in the standard shape (as ky and the official SDK take it):
 * the global one, `nodeFetch` from `@mcp-sse/client-node`, or `(input, init) =>
 * app.request(input, init)` to talk to a Hono app in-process. The client calls it with a URL
 * string and a `RequestInit` (a `Request` only when `hooks` are set, since they receive one).
 */
export type FetchFunction = (
  input: string | URL | Request,
  init?: RequestInit,
) => Promise<Response> | Response

/** Headers sent with every request: fixed, or computed for each request (a fresh token, say). */
export type HeadersOption = HeadersInit | (() => HeadersInit | Promise<HeadersInit>)

/** What an {@link AuthProvider} is told about a request. */
export interface AuthContext {
  /** The URL being requested. */
  url: string
  /** The HTTP method. */
  method: string
}

/**
 * The authorization hook. The OAuth 2.1 client will be one; a static bearer token needs only
 * `headers`.
 */
export interface AuthProvider {
  /** Headers to add to a request, such as `authorization`. Asked for every request. */
  headers?: (context: AuthContext) => HeadersInit | undefined | Promise<HeadersInit | undefined>
  /**
   * Called when the server answers `401`, or `403` with `insufficient_scope`. Return `true`
   * after refreshing credentials to send the request once more; `false` lets it fail. Read the
   * response's body only when returning `true`: otherwise the client reads it for the error.
   */
  onUnauthorized?: (context: AuthContext & { response: Response }) => boolean | Promise<boolean>
}

/** Observe every HTTP exchange, for logging or tracing. */
export interface HttpHooks {
  /** Called before each attempt, with the request as it will be sent. Do not consume its body. */
  beforeRequest?: (request: Request) => void | Promise<void>
  /** Called with every response before the client reads it. Do not consume its body. */
  afterResponse?: (request: Request, response: Response) => void | Promise<void>
}

/** Options of the HTTP layer. */
export interface HttpClientOptions {
  /** @default globalThis.fetch */
  fetch?: FetchFunction | undefined
  /** Headers for every request. */
  headers?: HeadersOption | undefined
  /** Adds credentials and handles `401`. */
  authProvider?: AuthProvider | undefined
  /**
   * How many times a request is repeated when the connection fails, with exponential back-off.
   * @default 2
   */
  retry?: number | undefined
  /**
   * Milliseconds to wait before retry number `attempt` (from 1).
   * @default (attempt) => 300 * 2 ** (attempt - 1), at most 5000
   */
  retryDelay?: ((attempt: number) => number) | undefined
  /** Hooks around every HTTP exchange. */
  hooks?: HttpHooks | undefined
}

/** When a failed connection may be retried. */
export type RetryPolicy =
  /** On any connection failure, and on 502, 503 and 504: the request is safe to repeat. */
  | 'safe'
  /** Only when the connection was refused, so the server never saw the request. */
  | 'refused'
  /** Never. */
  | 'never'

/** One HTTP request. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE'
  url: string
  headers?: Record<string, string>
  body?: string
  signal?: AbortSignal | undefined
  /** Milliseconds until the response headers arrive; `false` for none. */
  timeout: number | false
  /** The JSON-RPC method, named in error messages. */
  rpcMethod?: string | undefined
  /** @default 'refused' */
  retry?: RetryPolicy
}

const RETRY_STATUS = [502, 503, 504]
const MAX_RETRY_DELAY = 5_000

/**
 * Sends HTTP requests for the transports. `request()` resolves with the response whatever its
 * status; it rejects only with a `LocalError` of type `network`, `timeout` or `aborted`.
 */
export class HttpClient {
  readonly #ky: KyInstance
  readonly #headers: HeadersOption | undefined
  readonly #auth: AuthProvider | undefined
  readonly #fetch: FetchFunction | undefined
  readonly #hooks: HttpHooks | undefined
  readonly #retries: number
  readonly #retryDelay: (attempt: number) => number
  /** The URL last answered without a redirect. */
  #directUrl: string | undefined

  constructor(options: HttpClientOptions = {}) {
    this.#headers = options.headers
    this.#auth = options.authProvider
    this.#fetch = options.fetch
    this.#hooks = options.hooks
    this.#retries = options.retry ?? 2
    const delay = options.retryDelay ?? ((attempt: number) => 300 * 2 ** (attempt - 1))
    this.#retryDelay = (attempt) => Math.min(MAX_RETRY_DELAY, delay(attempt))
    this.#ky = ky.create({
      throwHttpErrors: (status) => RETRY_STATUS.includes(status),
      retry: {
        methods: ['get', 'post', 'delete'],
        statusCodes: RETRY_STATUS,
        backoffLimit: MAX_RETRY_DELAY,
      },
    })
  }

  /** Sends a request; answers `401` through the auth provider, once. */
  async request(request: HttpRequest): Promise<Response> {
    const response = await this.#send(request)
    if (this.#auth?.onUnauthorized === undefined || !isUnauthorized(response)) return response
    const retry = await this.#auth.onUnauthorized({
      url: request.url,
      method: request.method,
      response,
    })
    if (!retry) return response
    response.body?.cancel().catch(() => {})
    return this.#send(request)
  }

  /**
   * Sends one attempt. The body is the string itself, not a stream inside a `Request` that ky
   * would copy for retries; a string also gives the request a `content-length`.
   */
  async #transmit(
    url: string,
    method: string,
    headers: HeadersInit,
    body: string | undefined,
    signal: AbortSignal | undefined | null,
  ): Promise<Response> {
    const init: RequestInit = { method, headers, body }
    if (signal != null) init.signal = signal
    const hooks = this.#hooks
    if (hooks === undefined) {
      // No `Request` object: building one costs more than some fetches spend on the whole call.
      return this.#fetch === undefined ? this.#fetchDirect(url, init) : this.#fetch(url, init)
    }
    const request = new Request(url, init)
    await hooks.beforeRequest?.(request)
    const response =
      this.#fetch === undefined ? await globalThis.fetch(request) : await this.#fetch(request)
    await hooks.afterResponse?.(request, response)
    return response
  }

  /**
   * The global fetch, without a copy of the request per call where that is safe. Node's fetch
   * copies every request (body included, through a stream tee) so that it could follow a
   * redirect, unless the request says redirects are errors. A URL whose answer came without a
   * redirect is sent that way from then on; if it starts redirecting, undici's "unexpected
   * redirect" error (the server did not run the request) sends it again, following redirects.
   */
  async #fetchDirect(url: string, init: RequestInit): Promise<Response> {
    if (this.#directUrl === url && UNDICI) {
      try {
        return await globalThis.fetch(url, { ...init, redirect: 'error', window: null })
      } catch (error) {
        if (!isUnexpectedRedirect(error)) throw error
        this.#directUrl = undefined
      }
    }
    const response = await globalThis.fetch(url, init)
    if (!response.redirected) this.#directUrl = url
    return response
  }

  async #send(request: HttpRequest): Promise<Response> {
    const headers = await this.#headersFor(request)
    if (request.timeout !== false) return this.#sendWithKy(request, headers, 0)
    // The hot path (a request's POST, which has no header timeout): the first attempt goes straight
    // to fetch, and ky's retry machinery (its own Request, signals, option merging) is set up
    // only when that attempt failed in a way that may be retried.
    const { method, url, rpcMethod, signal } = request
    const policy = request.retry ?? 'refused'
    let retryAfter: number | undefined
    try {
      const response = await this.#transmit(url, method, headers, request.body, signal)
      if (policy !== 'safe' || !RETRY_STATUS.includes(response.status) || this.#retries === 0) {
        return response
      }
      retryAfter = retryAfterMs(response)
      response.body?.cancel().catch(() => {})
    } catch (error) {
      const context = { method, url, rpcMethod }
      if (signal?.aborted === true) throw transportError(abortError(signal), context, false)
      if (policy === 'never' || this.#retries === 0) throw transportError(error, context, false)
      if (policy !== 'safe' && !isConnectionRefused(error)) {
        throw transportError(error, context, false)
      }
    }
    if (!(await sleep(retryAfter ?? this.#retryDelay(1), signal))) {
      throw transportError(abortError(signal as AbortSignal), { method, url, rpcMethod }, false)
    }
    return this.#sendWithKy(request, headers, 1)
  }

  /** The headers of one request: the option's, the auth provider's, then the request's own. */
  async #headersFor(request: HttpRequest): Promise<Record<string, string>> {
    const option = this.#headers
    const headers = headerRecord(typeof option === 'function' ? await option() : option)
    if (this.#auth?.headers !== undefined) {
      const auth = await this.#auth.headers({ url: request.url, method: request.method })
      if (auth !== undefined) Object.assign(headers, headerRecord(auth))
    }
    for (const name in request.headers) {
      headers[name.toLowerCase()] = request.headers[name] as string
    }
    return headers
  }

  /** Sends with ky's retries and timeout; `attempts` were already made on the fast path. */
  async #sendWithKy(
    request: HttpRequest,
    headers: Record<string, string>,
    attempts: number,
  ): Promise<Response> {
    const { method, url, rpcMethod, signal, timeout } = request
    const policy = request.retry ?? 'refused'
    try {
      return await this.#ky(url, {
        method,
        headers,
        signal,
        timeout,
        fetch: (input) => {
          const prepared = input as Request
          return this.#transmit(url, method, prepared.headers, request.body, prepared.signal)
        },
        retry: {
          limit: this.#retries - attempts,
          delay: (attempt) => this.#retryDelay(attempt + attempts),
          shouldRetry: ({ error }) => {
            if (signal?.aborted === true || policy === 'never') return false
            if (error.name === 'HTTPError') return policy === 'safe'
            if (error.name === 'TimeoutError') return false
            return policy === 'safe' || isConnectionRefused(error)
          },
        },
      })
    } catch (error) {
      // A 502/503/504 that outlived its retries is an answer like any other.
      const response = (error as { response?: unknown }).response
      if (response instanceof Response) return response
      const context = { method, url, rpcMethod }
      if (signal?.aborted === true) throw transportError(abortError(signal), context, timeout)
      throw transportError(error, context, timeout)
    }
  }
}

/** Header names lower-cased, as `Headers` gives them, in a plain object fetch copies quickly. */
function headerRecord(init: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {}
  if (init === undefined) return record
  new Headers(init).forEach((value, name) => {
    record[name] = value
  })
  return record
}

// Only undici (Node's fetch) copies requests for redirects, and only its redirect error is told
// apart from a network failure; elsewhere requests keep the default redirect mode.
const UNDICI =
  typeof (globalThis as { process?: { versions?: { undici?: unknown } } }).process?.versions
    ?.undici === 'string'

/** Node's (undici's) error for a redirect answered to a request with `redirect: 'error'`. */
function isUnexpectedRedirect(error: unknown): boolean {
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause
  return error instanceof TypeError && cause?.message === 'unexpected redirect'
}

/** A 503's `Retry-After` (seconds or an HTTP date) in milliseconds, as ky reads it. */
function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after')
  if (header === null || response.status !== 503) return undefined
  const seconds = Number(header)
  const ms = Number.isNaN(seconds) ? Date.parse(header) - Date.now() : seconds * 1000
  return Number.isNaN(ms) ? undefined : Math.max(0, ms)
}

/** A signal's reason when it is ours, else a plain abort. */
function abortError(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason
  return reason instanceof Error && reason.name === 'LocalError'
    ? reason
    : new DOMException('aborted', 'AbortError')
}

function isUnauthorized(response: Response): boolean {
  if (response.status === 401) return true
  return (
    response.status === 403 &&
    (response.headers.get('www-authenticate') ?? '').includes('insufficient_scope')
  )
}
