/**
 * Requests this peer sent and still waits for: ids, the pending map, timeouts, progress and
 * cancellation.
 * @module
 */
import type { ZodType } from 'zod'
import { LocalError } from '../errors/local-error.js'
import { McpError } from '../errors/mcp-error.js'
import { describeZodError } from '../errors/zod-issues.js'
import type {
  JSONRPCErrorResponse,
  JSONRPCMessage,
  JSONRPCRequest,
  JSONRPCResultResponse,
  RequestId,
} from '../jsonrpc/messages.js'
import { isJsonObject } from '../jsonrpc/inspect.js'
import { abortedError, closedError } from './errors.js'
import { RequestTimer } from './request-timer.js'
import type { TimerExpiry } from './request-timer.js'
import type { MessageParams, MessageRoute, Progress, RequestOptions } from './types.js'

interface Pending {
  method: string
  resolve: (result: unknown) => void
  reject: (error: Error) => void
  timer: RequestTimer
  controller: AbortController
  onProgress: ((progress: Progress) => void) | undefined
  resetTimeoutOnProgress: boolean
  resultSchema: ZodType | undefined
  relatedRequestId: RequestId | undefined
  removeAbortListener: (() => void) | undefined
}

/** What the outgoing side needs from its peer. */
export interface OutgoingHost {
  send: (message: JSONRPCMessage, route: MessageRoute) => void | Promise<void>
  reportError: (error: unknown) => void
  defaultTimeout: number
  notifyCancellation: boolean
  /** The method table's result schema for a request this peer sends. */
  resultSchema: (method: string, params: MessageParams | undefined) => ZodType | undefined
  /** Gives the id of the next request; see `PeerOptions.nextRequestId`. */
  nextRequestId: (() => number) | undefined
}

// Ids this peer gave up on (aborted, timed out) stay known for a while, so that a late response
// or progress notification is ignored, as the spec asks, instead of being reported.
const REMEMBERED_IDS = 1024

/** The requests this peer sent and still waits for. */
export class OutgoingRequests {
  readonly #host: OutgoingHost
  readonly #pending = new Map<number, Pending>()
  readonly #abandoned = new Set<RequestId>()
  #nextId = 1

  constructor(host: OutgoingHost) {
    this.#host = host
  }

  /** How many requests still wait for their response. */
  get size(): number {
    return this.#pending.size
  }

  /** Sends a request and waits for its response. */
  request(method: string, params: MessageParams | undefined, options: RequestOptions<unknown>) {
    const signal = options.signal
    if (signal?.aborted) return Promise.reject(abortedError(method, signal))
    const id = this.#host.nextRequestId?.() ?? this.#nextId++
    if (options.onProgress !== undefined) {
      const meta = isJsonObject(params?._meta) ? params._meta : undefined
      params = { ...params, _meta: { ...meta, progressToken: id } }
    }
    const message: JSONRPCRequest =
      params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params }

    return new Promise<unknown>((resolve, reject) => {
      const timeout = options.timeout ?? this.#host.defaultTimeout
      const pending: Pending = {
        method,
        resolve,
        reject,
        timer: new RequestTimer(timeout, options.maxTotalTimeout, (expiry) => {
          this.#expire(id, expiry, expiry === 'timeout' ? timeout : options.maxTotalTimeout)
        }),
        controller: new AbortController(),
        onProgress: options.onProgress,
        resetTimeoutOnProgress: options.resetTimeoutOnProgress ?? true,
        resultSchema: options.resultSchema ?? this.#host.resultSchema(method, params),
        relatedRequestId: options.relatedRequestId,
        removeAbortListener: undefined,
      }
      if (signal !== undefined) {
        const onAbort = () => {
          this.#abandon(id, abortedError(method, signal), reasonText(signal.reason))
        }
        signal.addEventListener('abort', onAbort, { once: true })
        pending.removeAbortListener = () => {
          signal.removeEventListener('abort', onAbort)
        }
      }
      // Registered before sending: a transport may deliver the response synchronously.
      this.#pending.set(id, pending)
      const route: MessageRoute = { signal: pending.controller.signal }
      if (options.relatedRequestId !== undefined) route.relatedRequestId = options.relatedRequestId
      this.#deliver(message, route, (error) => {
        const failed =
          error instanceof Error
            ? error
            : new LocalError('network', `Could not send request: ${method}`, {
                method,
                cause: error,
              })
        this.#settle(id)?.reject(failed)
      })
    })
  }

  /** Settles the request a response answers. */
  receiveResponse(response: JSONRPCResultResponse | JSONRPCErrorResponse, isError: boolean): void {
    const id = response.id
    const pending = typeof id === 'number' ? this.#settle(id) : undefined
    const error = isError ? (response as JSONRPCErrorResponse).error : undefined
    if (pending === undefined) {
      if (id !== undefined && this.#abandoned.delete(id)) return
      if (error === undefined) {
        this.#host.reportError(
          new LocalError('protocol', `Received a response for unknown request id ${id}`),
        )
        return
      }
      const what = id === undefined ? 'without a request id' : `for unknown request id ${id}`
      this.#host.reportError(
        new LocalError(
          'protocol',
          `Received an error response ${what}: ${error.code} ${error.message}`,
          { cause: McpError.fromErrorObject(error) },
        ),
      )
      return
    }
    if (error !== undefined) {
      pending.reject(McpError.fromErrorObject(error))
      return
    }
    const { result } = response as JSONRPCResultResponse
    if (pending.resultSchema === undefined) {
      pending.resolve(result)
      return
    }
    const parsed = pending.resultSchema.safeParse(result)
    if (parsed.success) {
      pending.resolve(parsed.data)
    } else {
      const { method } = pending
      const problem = `Invalid result for ${method}: ${describeZodError(parsed.error)}`
      pending.reject(new LocalError('protocol', problem, { method, cause: parsed.error }))
    }
  }

  /** Passes a `notifications/progress` on to the request it reports on. */
  receiveProgress(params: MessageParams): void {
    const token = params.progressToken
    const pending = typeof token === 'number' ? this.#pending.get(token) : undefined
    if (pending?.onProgress === undefined) {
      if (typeof token === 'number' && this.#abandoned.has(token)) return
      this.#host.reportError(
        new LocalError('protocol', `Received progress for unknown token ${JSON.stringify(token)}`),
      )
      return
    }
    if (typeof params.progress !== 'number') return
    if (pending.resetTimeoutOnProgress) pending.timer.reset()
    const progress: Progress = { progress: params.progress }
    if (typeof params.total === 'number') progress.total = params.total
    if (typeof params.message === 'string') progress.message = params.message
    try {
      pending.onProgress(progress)
    } catch (error) {
      this.#host.reportError(error)
    }
  }

  /** Rejects every pending request, without telling the peer: the connection is gone. */
  closeAll(reason: string | undefined): void {
    for (const [id, pending] of this.#pending) {
      this.#settle(id)
      const error = closedError(pending.method, reason)
      pending.controller.abort(error)
      pending.reject(error)
    }
  }

  #expire(id: number, expiry: TimerExpiry, ms: number | undefined): void {
    const method = this.#pending.get(id)?.method ?? ''
    const message =
      expiry === 'timeout'
        ? `Request timed out after ${ms} ms: ${method}`
        : `Request exceeded its maximum total time of ${ms} ms: ${method}`
    const error = new LocalError('timeout', message, { method })
    this.#abandon(id, error, message)
  }

  /** Gives up on a request: rejects it, and tells the peer unless it may not be cancelled. */
  #abandon(id: number, error: LocalError, reason: string | undefined): void {
    const pending = this.#settle(id)
    if (pending === undefined) return
    this.#abandoned.add(id)
    if (this.#abandoned.size > REMEMBERED_IDS) {
      this.#abandoned.delete(this.#abandoned.values().next().value as RequestId)
    }
    pending.controller.abort(error)
    pending.reject(error)
    // The spec forbids cancelling `initialize`.
    if (!this.#host.notifyCancellation || pending.method === 'initialize') return
    const params: MessageParams =
      reason === undefined ? { requestId: id } : { requestId: id, reason }
    const route: MessageRoute = {}
    if (pending.relatedRequestId !== undefined) route.relatedRequestId = pending.relatedRequestId
    this.#deliver({ jsonrpc: '2.0', method: 'notifications/cancelled', params }, route, (e) => {
      this.#host.reportError(e)
    })
  }

  /** Removes a pending request and stops its clocks; returns it if it was still pending. */
  #settle(id: number): Pending | undefined {
    const pending = this.#pending.get(id)
    if (pending === undefined) return undefined
    this.#pending.delete(id)
    pending.timer.clear()
    pending.removeAbortListener?.()
    return pending
  }

  #deliver(message: JSONRPCMessage, route: MessageRoute, onFailure: (error: unknown) => void) {
    try {
      const sent = this.#host.send(message, route)
      if (sent !== undefined) sent.then(undefined, onFailure)
    } catch (error) {
      onFailure(error)
    }
  }
}

function reasonText(reason: unknown): string | undefined {
  if (typeof reason === 'string') return reason
  if (reason instanceof Error && reason.name !== 'AbortError') return reason.message
  return undefined
}
