/**
 * The context a request handler receives.
 * @module
 */
import type { JSONRPCRequest, RequestId } from '../jsonrpc/messages.js'
import { isJsonObject, isRequestId } from '../jsonrpc/inspect.js'
import type {
  MessageParams,
  NotifyOptions,
  Progress,
  RequestContext,
  RequestOptions,
} from './types.js'

/** What a handler's context needs from its peer. */
export interface ContextHost {
  notify: (
    method: string,
    params: MessageParams | undefined,
    options: NotifyOptions,
  ) => Promise<void>
  request: (
    method: string,
    params: MessageParams | undefined,
    options: RequestOptions<unknown>,
  ) => Promise<unknown>
}

/** Reads `params._meta` of a request or notification. */
export function readMeta(params: unknown): Record<string, unknown> | undefined {
  if (!isJsonObject(params)) return undefined
  const meta = params._meta
  return isJsonObject(meta) ? meta : undefined
}

/** A request's cancellation as its context reads it; `signal` may be created on first read. */
export interface Cancellation {
  readonly aborted: boolean
  readonly signal: AbortSignal
}

/**
 * The context of one incoming request. A class rather than an object literal: `signal` is a
 * getter (a handler that never looks at its signal never creates one), and V8 builds a literal
 * with a getter about twenty times more slowly than a class instance. The functions are own
 * properties, so a handler may take them off the context and call them on their own.
 */
class IncomingRequestContext<Extra> implements RequestContext<Extra> {
  readonly requestId: RequestId
  readonly method: string
  readonly meta: Record<string, unknown> | undefined
  readonly extra: Extra
  readonly sendProgress: RequestContext<Extra>['sendProgress']
  readonly notify: RequestContext<Extra>['notify']
  readonly request: RequestContext<Extra>['request']
  readonly #cancellation: Cancellation

  constructor(
    host: ContextHost,
    request: JSONRPCRequest,
    cancellation: Cancellation,
    extra: Extra,
  ) {
    const requestId = request.id
    const meta = readMeta(request.params)
    const progressToken = isRequestId(meta?.progressToken) ? meta.progressToken : undefined
    const related: NotifyOptions = { relatedRequestId: requestId }
    this.requestId = requestId
    this.method = request.method
    this.meta = meta
    this.extra = extra
    this.#cancellation = cancellation
    this.sendProgress = (progress: Progress) => {
      // Nothing may be sent for a request once it was cancelled.
      if (progressToken === undefined || cancellation.aborted) return Promise.resolve()
      return host.notify('notifications/progress', { ...progress, progressToken }, related)
    }
    this.notify = (method, params) => {
      if (cancellation.aborted) return Promise.resolve()
      return host.notify(method, params, related)
    }
    this.request = <Result>(
      method: string,
      params?: MessageParams,
      options: Omit<RequestOptions<Result>, 'relatedRequestId'> = {},
    ) => {
      const signal = cancellation.signal
      const combined =
        options.signal === undefined ? signal : AbortSignal.any([signal, options.signal])
      return host.request(method, params, {
        ...options,
        signal: combined,
        relatedRequestId: requestId,
      }) as Promise<Result>
    }
  }

  get signal(): AbortSignal {
    return this.#cancellation.signal
  }
}

/** Builds the context of one incoming request. */
export function createRequestContext<Extra>(
  host: ContextHost,
  request: JSONRPCRequest,
  cancellation: Cancellation,
  extra: Extra,
): RequestContext<Extra> {
  return new IncomingRequestContext(host, request, cancellation, extra)
}
