/**
 * The context a request handler receives.
 * @module
 */
import type { JSONRPCRequest } from '../jsonrpc/messages.js'
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

/** Builds the context of one incoming request. */
export function createRequestContext<Extra>(
  host: ContextHost,
  request: JSONRPCRequest,
  cancellation: Cancellation,
  extra: Extra,
): RequestContext<Extra> {
  const requestId = request.id
  const meta = readMeta(request.params)
  const progressToken = isRequestId(meta?.progressToken) ? meta.progressToken : undefined
  const related: NotifyOptions = { relatedRequestId: requestId }

  return {
    requestId,
    method: request.method,
    // A getter, so that a handler that never looks at its signal never creates one.
    get signal() {
      return cancellation.signal
    },
    meta,
    extra,
    sendProgress(progress: Progress) {
      // Nothing may be sent for a request once it was cancelled.
      if (progressToken === undefined || cancellation.aborted) return Promise.resolve()
      return host.notify('notifications/progress', { ...progress, progressToken }, related)
    },
    notify(method, params) {
      if (cancellation.aborted) return Promise.resolve()
      return host.notify(method, params, related)
    },
    request<Result>(
      method: string,
      params?: MessageParams,
      options: Omit<RequestOptions<Result>, 'relatedRequestId'> = {},
    ) {
      const signal = cancellation.signal
      const combined =
        options.signal === undefined ? signal : AbortSignal.any([signal, options.signal])
      return host.request(method, params, {
        ...options,
        signal: combined,
        relatedRequestId: requestId,
      }) as Promise<Result>
    },
  }
}
