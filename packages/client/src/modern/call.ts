/**
 * One 2026-07-28 request from the caller's point of view: cached results, `_meta` and headers,
 * a retry with another version on `-32022`, a `tools/list` refresh on a header mismatch, a new
 * POST when an idempotent request's stream broke, and the multi round-trip loop until the result
 * is complete. Every retry is a new request with a new id.
 * @module
 */
import {
  ErrorCode,
  LocalError,
  MODERN_PROTOCOL_VERSIONS,
  classifyModernProbe,
  isJSONRPCErrorResponse,
  resultTypeOf,
  type ErrorObject,
  type JSONRPCNotification,
  type ProtocolVersion,
  type RequestId,
} from '@mcp-sse/protocol'
import type { LoggingLevel } from '../client/types.js'
import type { HttpClient } from '../http/http-client.js'
import { exchange } from './exchange.js'
import { modernHeaders, ToolSchemas, type RejectedTool } from './headers.js'
import { answerInputRequests, type InputHandlers } from './input-required.js'
import { withModernMeta, type ModernIdentity } from './meta.js'
import type { ResultCache } from './result-cache.js'

type Params = Record<string, unknown>

/** Options of {@link ModernCaller}. */
export interface ModernCallerOptions {
  http: HttpClient
  url: string
  /** The version, capabilities and identity every request carries. */
  identity: ModernIdentity
  /** Versions this client may switch to when the server answers `-32022`. @default MODERN_PROTOCOL_VERSIONS */
  supportedVersions?: readonly ProtocolVersion[] | undefined
  /** Answers `input_required` results. */
  handlers?: InputHandlers | undefined
  /** @default 10 */
  maxInputRounds?: number | undefined
  /** Where complete results are kept by their `ttlMs`; none when left out. */
  cache?: ResultCache | undefined
  keepAliveTimeout?: number | undefined
  /** Tools left out of `tools/list` for invalid `x-mcp-header` annotations, and other warnings. */
  onError?: ((error: LocalError) => void) | undefined
}

/** Per-call options of {@link ModernCaller.call}. */
export interface CallContext {
  /** The id of the first POST (the caller's request id); later POSTs derive new ones. */
  id?: RequestId | undefined
  signal?: AbortSignal | undefined
  /** The request may be POSTed again when its stream broke before the response. */
  idempotent?: boolean | undefined
  /** Notifications that arrive on the call's streams (progress, log messages). */
  onNotification?: ((notification: JSONRPCNotification) => void) | undefined
  /** Skip the cache (a `ping`, a refresh). */
  fresh?: boolean | undefined
}

/** How a call ended: a complete result, or the server's JSON-RPC error. */
export type CallAnswer = { result: Params } | { error: ErrorObject }

const INPUT_REQUIRED_METHODS = new Set(['tools/call', 'prompts/get', 'resources/read'])
/** How many times a request whose stream broke is POSTed again, when that is safe. */
const MAX_REISSUES = 2

/** Sends 2026-07-28 requests for one client and one server. */
export class ModernCaller {
  readonly tools = new ToolSchemas()
  readonly #options: ModernCallerOptions
  #identity: ModernIdentity
  #counter = 0

  constructor(options: ModernCallerOptions) {
    this.#options = options
    this.#identity = options.identity
  }

  /** The identity requests carry now (the version may change after `-32022`). */
  get identity(): ModernIdentity {
    return this.#identity
  }

  /** Sets the log level every later request asks for (`undefined`: no log messages). */
  setLogLevel(level: LoggingLevel | undefined): void {
    this.#identity = { ...this.#identity, logLevel: level }
  }

  /**
   * Runs one request to its end: resolves with the complete result or the server's error;
   * rejects with a `LocalError` when no answer can be had (network, a broken stream, an input
   * handler's failure, too many rounds) or with what an input handler threw.
   */
  async call(
    method: string,
    params: Params | undefined,
    context: CallContext = {},
  ): Promise<CallAnswer> {
    const { cache } = this.#options
    if (context.fresh !== true) {
      const cached = cache?.lookup(method, params)
      if (cached !== undefined) return { result: cached }
    }
    const base = context.id ?? `mcp-sse-${String(++this.#counter)}`
    let attempt = 0
    let state: Params = {}
    let rounds = 0
    let versionRetried = false
    let toolsRefreshed = false
    let reissues = 0
    for (; ; attempt++) {
      const id = attempt === 0 ? base : `${String(base)}.${String(attempt)}`
      const sent = { ...params, ...state }
      const outcome = await this.#post(id, method, sent, context)
      if (outcome.type === 'status') throw outcome.error
      if (outcome.type === 'broken') {
        if (context.idempotent === true && reissues++ < MAX_REISSUES) continue
        throw outcome.error
      }
      if (outcome.type === 'accepted') throw this.#problem(method, 'answered a request with 202')
      const { response } = outcome
      if (isJSONRPCErrorResponse(response)) {
        const { error } = response
        if (error.code === ErrorCode.UnsupportedProtocolVersion && !versionRetried) {
          versionRetried = true
          if (this.#switchVersion(outcome.status, response)) continue
        }
        if (error.code === ErrorCode.HeaderMismatch && method === 'tools/call' && !toolsRefreshed) {
          // The tool's `inputSchema` may have changed: the spec asks for a fresh `tools/list`.
          toolsRefreshed = true
          await this.refreshTools(context.signal)
          continue
        }
        if (method === 'tools/call') cache?.invalidate('tools/list')
        return { error }
      }
      const result = response.result as Params
      const type = resultTypeOf(result)
      if (type === 'complete') return { result: this.#complete(method, params, state, result) }
      if (type !== 'input_required' || !INPUT_REQUIRED_METHODS.has(method)) {
        throw this.#problem(
          method,
          `answered with a result of unknown type ${JSON.stringify(result.resultType)}`,
        )
      }
      if (++rounds > (this.#options.maxInputRounds ?? 10)) {
        throw this.#problem(method, `still asked for input after ${String(rounds - 1)} rounds`)
      }
      state = await this.#answer(method, result, context)
    }
  }

  /** Reads every page of `tools/list` again, for the `Mcp-Param-*` headers of later calls. */
  async refreshTools(signal?: AbortSignal): Promise<void> {
    this.#options.cache?.invalidate('tools/list')
    let cursor: string | undefined
    const seen = new Set<string>()
    do {
      const answer = await this.call('tools/list', cursor === undefined ? {} : { cursor }, {
        signal,
        idempotent: true,
        fresh: true,
      })
      if ('error' in answer) return
      const next = answer.result.nextCursor
      cursor = typeof next === 'string' && !seen.has(next) ? next : undefined
      if (cursor !== undefined) seen.add(cursor)
    } while (cursor !== undefined)
  }

  async #post(id: RequestId, method: string, params: Params, context: CallContext) {
    const identity = this.#identity
    const withMeta = withModernMeta(params, identity)
    const name = (params as { name?: unknown }).name
    const inputSchema =
      method === 'tools/call' && typeof name === 'string' ? this.tools.inputSchema(name) : undefined
    return exchange({
      http: this.#options.http,
      url: this.#options.url,
      message: { jsonrpc: '2.0', id, method, params: withMeta },
      headers: modernHeaders(
        { method, params: withMeta },
        {
          protocolVersion: identity.protocolVersion,
          inputSchema,
        },
      ),
      signal: context.signal,
      idempotent: context.idempotent,
      keepAliveTimeout: this.#options.keepAliveTimeout,
      onNotification: context.onNotification,
      onError: this.#options.onError,
    })
  }

  /** After `-32022`: the newest modern version both sides support, if there is one. */
  #switchVersion(status: number, response: unknown): boolean {
    const verdict = classifyModernProbe(
      { status, body: response },
      { supported: this.#options.supportedVersions ?? MODERN_PROTOCOL_VERSIONS },
    )
    if (verdict.action !== 'retry') return false
    this.#identity = { ...this.#identity, protocolVersion: verdict.version }
    return true
  }

  #complete(method: string, params: Params | undefined, state: Params, raw: Params): Params {
    let result: Params = raw.resultType === undefined ? { ...raw, resultType: 'complete' } : raw
    if (method === 'tools/list') {
      const admitted = this.tools.admit(result)
      result = admitted.result
      for (const tool of admitted.rejected) this.#warnRejected(tool)
    }
    // A multi round-trip retry depends on its answers, which are not part of the cache key.
    if (Object.keys(state).length === 0) this.#options.cache?.store(method, params, result)
    return result
  }

  async #answer(method: string, result: Params, context: CallContext): Promise<Params> {
    const state: Params = {}
    if (result.inputRequests !== undefined) {
      state.inputResponses = await answerInputRequests(
        result.inputRequests,
        this.#options.handlers ?? {},
        {
          signal: context.signal ?? new AbortController().signal,
          relatedRequestId: context.id,
          method,
          url: this.#options.url,
        },
      )
    }
    // Echoed byte for byte, and only when the server sent one.
    if (typeof result.requestState === 'string') state.requestState = result.requestState
    return state
  }

  #warnRejected(tool: RejectedTool): void {
    this.#options.onError?.(
      new LocalError(
        'protocol',
        `Tool ${tool.name} on ${this.#options.url} is left out of tools/list: ${tool.problems.join('; ')}`,
        { method: 'tools/list', url: this.#options.url },
      ),
    )
  }

  #problem(method: string, what: string): LocalError {
    const { url } = this.#options
    return new LocalError('protocol', `${method} on ${url} ${what}`, { method, url })
  }
}
