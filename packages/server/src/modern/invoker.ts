/**
 * How the 2026-07-28 dispatcher calls the era-neutral method handlers: the {@link ModernInvoker}
 * contract, and an adapter that runs the server's shared handler table (`handlers/methods.ts`)
 * for one stateless request.
 * @module
 */
import {
  ErrorCode,
  McpError,
  type RequestContext,
  type RequestHandler,
  type RequestId,
  type RequestMeta,
} from '@mcp-sse/protocol'
import type { SessionInfo } from '../handlers/context.js'
import type { LiveSession, RequestExtra } from '../session/session.js'
import type { InputRequestOptions } from './input-round.js'

/** Everything a handler may use while answering one modern request. */
export interface ModernCallContext {
  /** The JSON-RPC id of this attempt (a retry has a new one). */
  readonly requestId: RequestId
  /** The request's method. */
  readonly method: string
  /** Aborted when the client closes the response stream (cancellation) or the attempt ends. */
  readonly signal: AbortSignal
  /** The request's `_meta`, validated. */
  readonly meta: RequestMeta
  /** The principal from the app's `identify` hook. */
  readonly identity: string | undefined
  /** Reports progress; does nothing without a `progressToken`. */
  sendProgress(progress: { progress: number; total?: number; message?: string }): Promise<void>
  /**
   * Sends a notification on this request's response stream. `notifications/message` is dropped
   * unless the request set a log level that lets it through.
   */
  notify(method: string, params?: Record<string, unknown>): Promise<void>
  /** Asks the client for input (multi round-trip): resolves with the answer or ends the attempt. */
  request<Result = unknown>(
    method: string,
    params?: Record<string, unknown>,
    options?: InputRequestOptions,
  ): Promise<Result>
}

/**
 * Runs the era-neutral handler of `method` and returns its result in the trunk shape; throws an
 * `McpError` (or anything) on failure. The dispatcher adds the 2026-07-28 envelope.
 */
export type ModernInvoker = (
  method: string,
  params: Record<string, unknown>,
  context: ModernCallContext,
) => Promise<Record<string, unknown>>

/** What `handlers/methods.ts` and `handlers/context.ts` read of a session, for one request. */
class StatelessSession {
  readonly info: SessionInfo
  readonly logLevel: string | undefined
  readonly data: { protocolVersion: string }

  constructor(context: ModernCallContext) {
    const { meta } = context
    this.info = {
      id: undefined,
      transport: 'stateless',
      protocolVersion: meta.protocolVersion,
      clientInfo: meta.clientInfo,
      clientCapabilities: meta.clientCapabilities,
      identity: context.identity,
    }
    this.logLevel = meta.logLevel
    this.data = { protocolVersion: meta.protocolVersion }
  }

  // A stateless request has no stream to close and no session data to update.
  closeStreamOf(): void {}
  update(): void {}
}

/** The protocol's request context over a {@link ModernCallContext}. */
class StatelessRequestContext implements RequestContext<RequestExtra> {
  readonly requestId: RequestId
  readonly method: string
  readonly meta: RequestContext<RequestExtra>['meta']
  readonly extra: RequestExtra
  readonly #context: ModernCallContext

  constructor(method: string, context: ModernCallContext) {
    this.requestId = context.requestId
    this.method = method
    this.meta = context.meta.meta
    this.extra = { session: new StatelessSession(context) as unknown as LiveSession }
    this.#context = context
  }

  get signal(): AbortSignal {
    return this.#context.signal
  }

  sendProgress(progress: { progress: number; total?: number; message?: string }): Promise<void> {
    return this.#context.sendProgress(progress)
  }

  notify(method: string, params?: Record<string, unknown>): Promise<void> {
    return this.#context.notify(method, params)
  }

  request<Result>(
    method: string,
    params?: unknown,
    options?: Record<string, unknown>,
  ): Promise<Result> {
    const key = options?.key
    return this.#context.request<Result>(
      method,
      params as Record<string, unknown> | undefined,
      typeof key === 'string' ? { key } : {},
    )
  }
}

/**
 * A {@link ModernInvoker} over the server's shared handler table: each call builds the stateless
 * stand-in for a session that `handlers/methods.ts` reads (`context.extra.session`), so the same
 * tool, resource and prompt handlers answer 2024, 2025 and 2026 requests.
 *
 * @example
 * ```ts
 * const invoke = invokerFromHandlers(createMethodHandlers(host))
 * const dispatcher = new ModernDispatcher({ invoke, ... })
 * ```
 */
export function invokerFromHandlers(
  handlers: ReadonlyMap<string, RequestHandler<RequestExtra>>,
): ModernInvoker {
  return async (method, params, context) => {
    const handler = handlers.get(method)
    if (handler === undefined) {
      throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${method}`)
    }
    return await handler(params, new StatelessRequestContext(method, context))
  }
}
