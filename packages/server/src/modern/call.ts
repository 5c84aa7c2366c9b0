/**
 * Answering one 2026-07-28 method call once its request passed every check: the handler run (a
 * multi round-trip attempt where the method allows one), its notifications, cancellation by
 * stream close, and the result envelope.
 * @module
 */
import {
  ErrorCode,
  errorResponse,
  toErrorResponse,
  type RequestId,
  type RequestMeta,
} from '@mcp-sse/protocol'
import type { KeepAlive } from '../http/keep-alive.js'
import type { Implementation } from '../types.js'
import { cacheHintFor, type CachingOptions, type DefinitionCacheHints } from './caching.js'
import { runAttempt, type AttemptOutcome } from './input-required.js'
import {
  INPUT_REQUIRED_METHODS,
  InputRound,
  collectAnswers,
  type InputRequestOptions,
} from './input-round.js'
import type { ModernCallContext, ModernInvoker } from './invoker.js'
import { LazyAbort } from './lazy-abort.js'
import {
  completeResponseJson,
  completeResult,
  httpStatusOf,
  modernError,
  shouldSendLog,
} from './meta.js'
import type { RequestStateCodec } from './request-state.js'
import { ModernResponder, type ModernResponseMode } from './responder.js'

/** What answering a call needs from the dispatcher. */
export interface CallHost {
  readonly serverInfo: Implementation
  /** `serverInfo` serialised once, for the result envelope. */
  readonly serverInfoJson: string
  readonly invoke: ModernInvoker
  readonly codec: RequestStateCodec
  readonly caching: CachingOptions | undefined
  readonly cacheHints: DefinitionCacheHints | undefined
  readonly responseMode: ModernResponseMode
  readonly maxBufferedBytes: number
  readonly keepAlive: KeepAlive | undefined
  onError(error: unknown): void
}

/** Registers `listener` for when the client goes away; returns what unregisters it. */
export type ClientGoneHook = (listener: () => void) => () => void

/** One checked request. */
export interface CheckedCall {
  id: RequestId
  method: string
  params: Record<string, unknown>
  meta: RequestMeta
  identity: string | undefined
  /** The HTTP request's signal (used when there is no `onClientGone`). */
  signal: AbortSignal | undefined
  /** A cheaper way to learn that the client went away than the request's signal. */
  onClientGone?: ClientGoneHook | undefined
  /** Overrides the host's response mode for this request. */
  responseMode?: ModernResponseMode | undefined
}

function isWireError(error: unknown): boolean {
  return error instanceof Error && error.name === 'McpError'
}

/** Runs the handler of a checked call and returns its response (JSON, or SSE once it streams). */
export function answerCall(host: CallHost, call: CheckedCall): Promise<Response> {
  if (call.onClientGone === undefined && call.signal?.aborted === true) {
    return Promise.resolve(new Response(null, { status: 499 }))
  }
  return new CallRun(host, call).start()
}

function noop(): void {}

/**
 * One call, and the context its handler runs with. A class rather than closures: this is the hot
 * path of every stateless request, and each closure is an allocation.
 */
class CallRun implements ModernCallContext {
  readonly requestId: RequestId
  readonly method: string
  readonly meta: RequestMeta
  readonly identity: string | undefined
  readonly #host: CallHost
  readonly #call: CheckedCall
  readonly #abort = new LazyAbort()
  readonly #responder: ModernResponder
  #round: InputRound | undefined
  #unwatch: () => void = noop

  constructor(host: CallHost, call: CheckedCall) {
    this.requestId = call.id
    this.method = call.method
    this.meta = call.meta
    this.identity = call.identity
    this.#host = host
    this.#call = call
    this.#responder = new ModernResponder({
      mode: call.responseMode ?? host.responseMode,
      maxBufferedBytes: host.maxBufferedBytes,
      keepAlive: host.keepAlive,
      // Bound methods rather than arrows here and in start(): tsx, which runs the bench server,
      // compiles with keepNames, and a named arrow costs an Object.defineProperty per request.
      onCancel: this.#clientCancelled.bind(this),
    })
  }

  #clientCancelled(): void {
    this.#abort.abort(
      new Error(`The client cancelled request ${JSON.stringify(this.requestId)} (${this.method})`),
    )
  }

  /** Aborted when the client cancels or the attempt ends with `input_required`. */
  get signal(): AbortSignal {
    return this.#abort.signal
  }

  start(): Promise<Response> {
    const responder = this.#responder
    const cancel = responder.cancel.bind(responder)
    const { onClientGone, signal } = this.#call
    if (onClientGone !== undefined) this.#unwatch = onClientGone(cancel)
    else if (signal !== undefined) {
      signal.addEventListener('abort', cancel, { once: true })
      this.#unwatch = () => {
        signal.removeEventListener('abort', cancel)
      }
    }
    this.#answer()
      .catch((error: unknown) => {
        this.#host.onError(error)
        responder.finish(
          errorResponse(this.requestId, ErrorCode.InternalError, 'Internal error'),
          500,
        )
      })
      .finally(this.#unwatch)
    return responder.response
  }

  async #answer(): Promise<void> {
    const host = this.#host
    const { id, method, params, meta } = this.#call
    const responder = this.#responder
    let outcome: AttemptOutcome<Record<string, unknown>>
    try {
      outcome = INPUT_REQUIRED_METHODS.has(method)
        ? await runAttempt(
            {
              binding: { method, params, identity: this.identity },
              clientCapabilities: meta.clientCapabilities,
              codec: host.codec,
            },
            (round) => this.#run(round),
          )
        : {
            type: 'complete',
            result: await this.#run(
              new InputRound(method, meta.clientCapabilities, collectAnswers(undefined, undefined)),
            ),
          }
    } catch (error) {
      const body = toErrorResponse(id, modernError(error))
      responder.finish(body, httpStatusOf(body.error.code))
      if (!isWireError(error)) host.onError(error)
      return
    }
    if (outcome.type === 'input_required') {
      // The run is abandoned: tell whatever the handler left running.
      this.#abort.abort(new Error(`Request ${JSON.stringify(id)} (${method}) needs client input`))
      const result = completeResult({ ...outcome.result }, host.serverInfo)
      responder.finish({ jsonrpc: '2.0', id, result }, 200)
      return
    }
    const hint = cacheHintFor(method, params, outcome.result, host.caching, host.cacheHints)
    responder.finishJson(
      completeResponseJson(id, outcome.result, host.serverInfo, host.serverInfoJson, hint),
      200,
    )
  }

  #run(round: InputRound): Promise<Record<string, unknown>> {
    this.#round = round
    return this.#host.invoke(this.method, this.#call.params, this)
  }

  sendProgress(progress: { progress: number; total?: number; message?: string }): Promise<void> {
    const token = this.meta.progressToken
    if (token === undefined) return Promise.resolve()
    return this.notify('notifications/progress', { progressToken: token, ...progress })
  }

  notify(method: string, params?: Record<string, unknown>): Promise<void> {
    if (this.#abort.aborted) return Promise.resolve()
    // 2026-07-28: no log message at all for a request that set no log level.
    if (
      method === 'notifications/message' &&
      !shouldSendLog(String(params?.level), this.meta.logLevel)
    ) {
      return Promise.resolve()
    }
    this.#responder.notify(
      params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params },
    )
    return Promise.resolve()
  }

  request<Result = unknown>(
    method: string,
    params?: Record<string, unknown>,
    options?: InputRequestOptions,
  ): Promise<Result> {
    const round = this.#round
    if (round === undefined) return Promise.reject(new Error('No handler run is in progress'))
    return round.request<Result>(method, params, options)
  }
}
