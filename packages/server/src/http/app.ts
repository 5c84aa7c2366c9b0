/**
 * The Hono sub-app that serves one McpServer: routes, guards, health.
 * @module
 */
import { Hono, type Context } from 'hono'
import type { ClientGoneHook } from '../modern/call.js'
import type { ModernDispatcher, ModernHttpRequest } from '../modern/dispatcher.js'
import type { SessionManager } from '../session/sessions.js'
import type { ResponseMode } from '../session/stream.js'
import { checkOrigin, type OriginPolicy } from './guards.js'
import { httpError } from './http-error.js'
import { sseOpenerFor, type SseOpener } from './sse-opener.js'
import { handleLegacyMessage, openLegacyStream } from './legacy-sse.js'
import { handleDelete, handleGet, handlePost } from './streamable-http.js'

/** Options of `server.app()`: paths, security and HTTP behaviour. All optional. */
export interface McpAppOptions {
  /**
   * Path of the Streamable HTTP endpoint, relative to where the app is mounted.
   * @default '/'
   */
  path?: string
  /**
   * Path of the 2024-11-05 SSE endpoint; `false` turns the HTTP+SSE transport off.
   * @default '/sse'
   */
  ssePath?: string | false
  /**
   * Path 2024-11-05 clients POST their messages to (announced in the `endpoint` event).
   * @default '/messages'
   */
  messagesPath?: string
  /**
   * Path of the health endpoint (`{ "status": "ok" }`); `false` turns it off.
   * @default '/health'
   */
  healthPath?: string | false
  /**
   * Host names (optionally `:port`) the server answers to, against DNS rebinding; `'localhost'`
   * means 127.0.0.1, localhost and [::1] on any port; `false` accepts any `Host`.
   * @default 'localhost'
   */
  allowedHosts?: readonly string[] | 'localhost' | false
  /**
   * Browser origins allowed to call the server.
   * @default origins whose host is in allowedHosts (with `allowedHosts: false`: same origin only)
   */
  allowedOrigins?: readonly string[]
  /**
   * Largest request body, in bytes (413 above it).
   * @default 4_194_304
   */
  maxBodyBytes?: number
  /**
   * How a POST with requests is answered: `'sse'` always streams, `'json'` always returns one
   * JSON body (progress and logs then go to the GET stream, if any), `'auto'` returns JSON
   * unless something has to be sent before the response.
   * @default 'auto'
   */
  responseMode?: ResponseMode
  /**
   * Names the principal of a request (from your auth middleware, e.g. `c.get('jwtPayload').sub`).
   * A session remembers who opened it; requests from anyone else get 404.
   */
  identify?: (c: Context) => string | undefined | Promise<string | undefined>
  /**
   * Whether clients may open a standalone GET stream (405 when not).
   * @default true
   */
  getStream?: boolean
  /**
   * Whether clients may end their session with DELETE (405 when not).
   * @default true
   */
  allowDelete?: boolean
  /**
   * On `@hono/node-server`, write SSE streams straight to the Node response instead of through a
   * web stream: much less memory per open stream and much faster broadcasts. Headers your
   * middleware sets before the MCP handler runs (CORS, say) are kept; headers set after it
   * returns are not applied to SSE responses. Has no effect on other runtimes.
   * @default true
   */
  nodeStreams?: boolean
}

/** The resolved options the handlers use. */
export interface AppContext {
  readonly sessions: SessionManager
  readonly policy: OriginPolicy
  readonly maxBodyBytes: number
  readonly responseMode: ResponseMode
  readonly ssePath: string | false
  readonly messagesPath: string
  readonly getStream: boolean
  readonly allowDelete: boolean
  /** How SSE responses of this request are opened. */
  sseOpener(c: Context): SseOpener
  identify(c: Context): Promise<string | undefined>
  /**
   * Answers a POST whose body (parsed) is a 2026-07-28 request: stateless, no session looked
   * up or created. The Streamable HTTP POST handler hands such requests over before anything
   * else, `initialize` included.
   */
  modern(c: Context, message: unknown): Promise<Response>
  reportError(error: unknown): void
}

/** What the app needs from its McpServer. */
export interface AppHost {
  readonly sessions: SessionManager
  /** Answers 2026-07-28 requests. */
  readonly modern: ModernDispatcher
  start(): Promise<void>
  reportError(error: unknown): void
}

/** The Node `ServerResponse` behind the request, on `@hono/node-server`; else `undefined`. */
interface ClosableOutgoing {
  once(event: 'close', listener: () => void): unknown
  off(event: 'close', listener: () => void): unknown
}

function closableOutgoing(c: Context): ClosableOutgoing | undefined {
  const outgoing = (c.env as { outgoing?: Partial<ClosableOutgoing> } | undefined)?.outgoing
  return typeof outgoing?.once === 'function' && typeof outgoing.off === 'function'
    ? (outgoing as ClosableOutgoing)
    : undefined
}

/**
 * A 2026-07-28 POST as the dispatcher reads it. A class rather than an object literal with a
 * `signal` getter: V8 builds such a literal in a way that kept each request's objects (context,
 * parser, response) alive through young-generation collections, ~5 KB promoted to the old
 * generation per call, which tripled the garbage collector's share of a stateless call.
 */
class HonoModernRequest implements ModernHttpRequest {
  readonly message: unknown
  readonly headers: Headers
  readonly onClientGone: ClientGoneHook | undefined
  readonly identity: string | undefined
  readonly responseMode: ResponseMode
  readonly #request: Request

  constructor(
    c: Context,
    message: unknown,
    identity: string | undefined,
    responseMode: ResponseMode,
  ) {
    const request = c.req.raw
    this.message = message
    this.headers = request.headers
    this.identity = identity
    this.responseMode = responseMode
    this.#request = request
    const outgoing = closableOutgoing(c)
    this.onClientGone =
      outgoing === undefined
        ? undefined
        : (listener) => {
            outgoing.once('close', listener)
            return () => {
              outgoing.off('close', listener)
            }
          }
  }

  // Read only by requests that need it: on @hono/node-server the signal is an AbortController
  // made on first read, which costs more than a fast call.
  get signal(): AbortSignal {
    return this.#request.signal
  }
}

function normalizePath(path: string): string {
  const withSlash = path.startsWith('/') ? path : `/${path}`
  return withSlash.length > 1 && withSlash.endsWith('/') ? withSlash.slice(0, -1) : withSlash
}

/** Builds the app. Used by `McpServer.app()`. */
export function createMcpApp(host: AppHost, options: McpAppOptions): Hono {
  const path = normalizePath(options.path ?? '/')
  const ssePath = options.ssePath === false ? false : normalizePath(options.ssePath ?? '/sse')
  const messagesPath = normalizePath(options.messagesPath ?? '/messages')
  const healthPath =
    options.healthPath === false ? false : normalizePath(options.healthPath ?? '/health')
  const identify = options.identify
  const responseMode = options.responseMode ?? 'auto'
  const context: AppContext = {
    sessions: host.sessions,
    policy: {
      allowedHosts: options.allowedHosts ?? 'localhost',
      allowedOrigins: options.allowedOrigins,
    },
    maxBodyBytes: options.maxBodyBytes ?? 4 * 1024 * 1024,
    responseMode,
    ssePath,
    messagesPath,
    getStream: options.getStream ?? true,
    allowDelete: options.allowDelete ?? true,
    sseOpener: (c) => sseOpenerFor(c, host.sessions.maxBufferedBytes, options.nodeStreams ?? true),
    identify: async (c) => (identify === undefined ? undefined : await identify(c)),
    modern: async (c, message) => {
      const identity = identify === undefined ? undefined : await identify(c)
      return host.modern.handle(new HonoModernRequest(c, message, identity, responseMode))
    },
    reportError: (error) => {
      host.reportError(error)
    },
  }

  const app = new Hono()
  // Not an async function: once the server has started, a request goes straight on, without
  // the extra promise and microtask turns an async middleware costs on every call.
  let started = false
  app.use('*', (c, next) => {
    const rejected = checkOrigin(c.req.raw, context.policy)
    if (rejected !== undefined) return Promise.resolve(rejected)
    if (started) return next()
    return host.start().then(() => {
      started = true
      return next()
    })
  })
  app.onError((error) => {
    context.reportError(error)
    return httpError(500, 'Internal Server Error: the server failed to handle the request')
  })

  if (healthPath !== false) app.get(healthPath, (c) => c.json({ status: 'ok' }))
  app.post(path, (c) => handlePost(c, context))
  app.get(path, (c) => handleGet(c, context))
  app.delete(path, (c) => handleDelete(c, context))
  app.all(path, () =>
    httpError(405, 'Method Not Allowed: use POST, GET or DELETE', {
      headers: { Allow: 'GET, POST, DELETE' },
    }),
  )
  if (ssePath !== false) {
    app.get(ssePath, (c) => openLegacyStream(c, context))
    app.post(messagesPath, (c) => handleLegacyMessage(c, context))
  }
  return app
}
