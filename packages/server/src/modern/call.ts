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
import { INPUT_REQUIRED_METHODS, InputRound, collectAnswers } from './input-round.js'
import type { ModernCallContext, ModernInvoker } from './invoker.js'
import { completeResult, httpStatusOf, modernError, shouldSendLog } from './meta.js'
import type { RequestStateCodec } from './request-state.js'
import { ModernResponder, type ModernResponseMode } from './responder.js'

/** What answering a call needs from the dispatcher. */
export interface CallHost {
  readonly serverInfo: Implementation
  readonly invoke: ModernInvoker
  readonly codec: RequestStateCodec
  readonly caching: CachingOptions | undefined
  readonly cacheHints: DefinitionCacheHints | undefined
  readonly responseMode: ModernResponseMode
  readonly maxBufferedBytes: number
  readonly keepAlive: KeepAlive | undefined
  onError(error: unknown): void
}

/** One checked request. */
export interface CheckedCall {
  id: RequestId
  method: string
  params: Record<string, unknown>
  meta: RequestMeta
  identity: string | undefined
  /** The HTTP request's signal. */
  signal: AbortSignal | undefined
  /** Overrides the host's response mode for this request. */
  responseMode?: ModernResponseMode | undefined
}

function isWireError(error: unknown): boolean {
  return error instanceof Error && error.name === 'McpError'
}

/** Runs the handler of a checked call and returns its response (JSON, or SSE once it streams). */
export function answerCall(host: CallHost, call: CheckedCall): Promise<Response> {
  const { id, method, params, meta } = call
  if (call.signal?.aborted === true) return Promise.resolve(new Response(null, { status: 499 }))
  const controller = new AbortController()
  const responder = new ModernResponder({
    mode: call.responseMode ?? host.responseMode,
    maxBufferedBytes: host.maxBufferedBytes,
    keepAlive: host.keepAlive,
    onCancel: () => {
      controller.abort(new Error(`The client cancelled request ${JSON.stringify(id)} (${method})`))
    },
  })
  const onAbort = () => {
    responder.cancel()
  }
  call.signal?.addEventListener('abort', onAbort, { once: true })

  const run = (round: InputRound) =>
    host.invoke(method, params, callContext(call, controller, responder, round))

  const answer = async (): Promise<void> => {
    let outcome: AttemptOutcome<Record<string, unknown>>
    try {
      outcome = INPUT_REQUIRED_METHODS.has(method)
        ? await runAttempt(
            {
              binding: { method, params, identity: call.identity },
              clientCapabilities: meta.clientCapabilities,
              codec: host.codec,
            },
            run,
          )
        : {
            type: 'complete',
            result: await run(
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
      controller.abort(new Error(`Request ${JSON.stringify(id)} (${method}) needs client input`))
      const result = completeResult({ ...outcome.result }, host.serverInfo)
      responder.finish({ jsonrpc: '2.0', id, result }, 200)
      return
    }
    const hint = cacheHintFor(method, params, outcome.result, host.caching, host.cacheHints)
    const result = completeResult(outcome.result, host.serverInfo)
    responder.finish(
      { jsonrpc: '2.0', id, result: hint === undefined ? result : { ...result, ...hint } },
      200,
    )
  }

  answer()
    .catch((error: unknown) => {
      host.onError(error)
      responder.finish(errorResponse(id, ErrorCode.InternalError, 'Internal error'), 500)
    })
    .finally(() => {
      call.signal?.removeEventListener('abort', onAbort)
    })
  return responder.response
}

function callContext(
  call: CheckedCall,
  controller: AbortController,
  responder: ModernResponder,
  round: InputRound,
): ModernCallContext {
  const { meta } = call
  const notify = (method: string, params?: Record<string, unknown>): Promise<void> => {
    if (controller.signal.aborted) return Promise.resolve()
    // 2026-07-28: no log message at all for a request that set no log level.
    if (
      method === 'notifications/message' &&
      !shouldSendLog(String(params?.level), meta.logLevel)
    ) {
      return Promise.resolve()
    }
    responder.notify(
      params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params },
    )
    return Promise.resolve()
  }
  return {
    requestId: call.id,
    method: call.method,
    signal: controller.signal,
    meta,
    identity: call.identity,
    sendProgress: (progress) => {
      if (meta.progressToken === undefined) return Promise.resolve()
      return notify('notifications/progress', { progressToken: meta.progressToken, ...progress })
    },
    notify,
    request: (method, params, options) => round.request(method, params, options),
  }
}
