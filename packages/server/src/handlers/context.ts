/**
 * What every tool, resource and prompt handler receives as its last argument.
 * @module
 */
import type { RequestId } from '@mcp-sse/protocol'
import { missingCapabilityError } from '../modern/input-round.js'
import type {
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestParams,
  ElicitResult,
  Implementation,
  ListRootsResult,
  LoggingLevel,
} from '../types.js'
import { passesLevel } from './log-level.js'

/** What a handler knows about the client it is serving. */
export interface SessionInfo {
  /** The session id; absent for a stateless (2026-07-28) request. */
  readonly id: string | undefined
  /** The wire the client uses. */
  readonly transport: 'streamable-http' | 'sse' | 'stateless'
  /** The protocol version the client speaks. */
  readonly protocolVersion: string
  /** The client's name and version, as it announced them. */
  readonly clientInfo: Implementation | undefined
  /** What the client can do (sampling, elicitation, roots...). */
  readonly clientCapabilities: ClientCapabilities
  /** The principal the `identify` hook returned for the request that opened the session. */
  readonly identity: string | undefined
}

/** Options of a server-to-client request made by a handler. */
export interface ClientRequestOptions {
  /**
   * How long to wait for the client's answer, in milliseconds.
   * @default 60_000 (elicitation: 600_000, a person has to answer)
   */
  timeout?: number
  /** Aborts the request (it is aborted anyway when the handler's request is cancelled). */
  signal?: AbortSignal
  /**
   * 2026-07-28: the key of this request in `inputRequests` and `inputResponses`, unique within
   * the request. Give one when the call's position may change between runs of the handler.
   * Ignored in 2024/2025 sessions.
   * @default `<method>#<position of the call in the run>`
   */
  key?: string
}

/**
 * The context of one request, the same in every wire generation.
 *
 * @example
 * ```ts
 * server.tool('slow', { inputSchema: z.object({}) }, async (_args, ctx) => {
 *   for (let step = 1; step <= 3; step++) {
 *     if (ctx.signal.aborted) break
 *     await ctx.progress(step, 3, `step ${step}`)
 *   }
 *   return { content: [{ type: 'text', text: 'done' }] }
 * })
 * ```
 */
export interface HandlerContext {
  /** The client and session. */
  readonly session: SessionInfo
  /** The id of the request being handled. */
  readonly requestId: RequestId
  /** Aborted when the client cancels the request, the session ends or the server closes. */
  readonly signal: AbortSignal
  /**
   * Reports progress; does nothing when the client did not ask for progress.
   * @param progress - must increase from one call to the next.
   */
  progress(progress: number, total?: number, message?: string): Promise<void>
  /**
   * Sends a log message to the client (`notifications/message`), unless the client set a higher
   * level with `logging/setLevel`.
   */
  log(level: LoggingLevel, data: unknown, logger?: string): Promise<void>
  /** Sends a notification that belongs to this request. */
  notify(method: string, params?: Record<string, unknown>): Promise<void>
  /**
   * Asks the user for input through the client (form or URL mode). Throws an `McpError` when
   * the client did not declare elicitation (or that mode).
   */
  elicit(params: ElicitRequestParams, options?: ClientRequestOptions): Promise<ElicitResult>
  /** Asks the client's LLM for a completion. Throws when the client did not declare sampling. */
  sample(
    params: CreateMessageRequestParams,
    options?: ClientRequestOptions,
  ): Promise<CreateMessageResult>
  /** Asks the client for its roots. Throws when the client did not declare roots. */
  roots(options?: ClientRequestOptions): Promise<ListRootsResult>
  /**
   * Ends this request's SSE connection without ending its stream (SEP-1699 polling): the handler
   * keeps running, what it sends is stored, and the client resumes with `Last-Event-ID`. Does
   * nothing where the wire has no resumable stream.
   */
  closeStream(): void
}

// --- building a context from the peer's request context ------------------------------------------

/** What the context builder needs to know about the session a request belongs to. */
export interface ContextSession {
  readonly info: SessionInfo
  /** The level set by `logging/setLevel`. */
  readonly logLevel: string | undefined
  /** Ends the connection of the stream that carries `requestId`. */
  closeStreamOf(requestId: RequestId): void
}

/** The parts of the protocol package's `RequestContext` a handler context is built from. */
export interface PeerRequestContext {
  requestId: RequestId
  signal: AbortSignal
  sendProgress(progress: { progress: number; total?: number; message?: string }): Promise<void>
  notify(method: string, params?: Record<string, unknown>): Promise<void>
  request<Result>(
    method: string,
    params?: Record<string, unknown>,
    options?: { timeout?: number; signal?: AbortSignal; key?: string },
  ): Promise<Result>
}

function requestOptions(options: ClientRequestOptions | undefined, timeout: number) {
  const result: { timeout: number; signal?: AbortSignal; key?: string } = {
    timeout: options?.timeout ?? timeout,
  }
  if (options?.signal !== undefined) result.signal = options.signal
  if (options?.key !== undefined) result.key = options.key
  return result
}

type ContextMethods = Omit<HandlerContext, 'session' | 'requestId' | 'signal'>

/**
 * A class rather than an object literal: `signal` is read through (the peer creates a request's
 * AbortSignal only when someone asks for it), and a literal with a getter costs V8 about twenty
 * times as much to create as a class instance does.
 */
class RequestHandlerContext implements HandlerContext {
  readonly session: SessionInfo
  readonly requestId: RequestId
  readonly progress: ContextMethods['progress']
  readonly log: ContextMethods['log']
  readonly notify: ContextMethods['notify']
  readonly elicit: ContextMethods['elicit']
  readonly sample: ContextMethods['sample']
  readonly roots: ContextMethods['roots']
  readonly closeStream: ContextMethods['closeStream']
  readonly #context: PeerRequestContext

  constructor(session: SessionInfo, context: PeerRequestContext, methods: ContextMethods) {
    this.session = session
    this.requestId = context.requestId
    this.#context = context
    this.progress = methods.progress
    this.log = methods.log
    this.notify = methods.notify
    this.elicit = methods.elicit
    this.sample = methods.sample
    this.roots = methods.roots
    this.closeStream = methods.closeStream
  }

  get signal(): AbortSignal {
    return this.#context.signal
  }
}

/** Builds the {@link HandlerContext} of one request. */
export function createHandlerContext(
  session: ContextSession,
  context: PeerRequestContext,
): HandlerContext {
  const capabilities = session.info.clientCapabilities as Record<
    string,
    Record<string, unknown> | undefined
  >
  return new RequestHandlerContext(session.info, context, {
    progress(progress, total, message) {
      const value: { progress: number; total?: number; message?: string } = { progress }
      if (total !== undefined) value.total = total
      if (message !== undefined) value.message = message
      return context.sendProgress(value)
    },
    async log(level, data, logger) {
      if (!passesLevel(level, session.logLevel)) return
      const params: Record<string, unknown> = { level, data }
      if (logger !== undefined) params.logger = logger
      await context.notify('notifications/message', params)
    },
    notify(method, params) {
      return context.notify(method, params)
    },
    async elicit(params, options) {
      const elicitation = capabilities.elicitation
      const url = params.mode === 'url'
      if (elicitation === undefined) {
        throw missingCapabilityError(
          url ? { elicitation: { url: {} } } : { elicitation: {} },
          'elicitation',
        )
      }
      // An empty elicitation capability means form mode only.
      const declared = url
        ? elicitation.url !== undefined
        : elicitation.form !== undefined || elicitation.url === undefined
      if (!declared) {
        const mode = url ? 'url' : 'form'
        throw missingCapabilityError({ elicitation: { [mode]: {} } }, `elicitation (${mode} mode)`)
      }
      return await context.request<ElicitResult>(
        'elicitation/create',
        params,
        requestOptions(options, 600_000),
      )
    },
    async sample(params, options) {
      const sampling = capabilities.sampling
      if (sampling === undefined) throw missingCapabilityError({ sampling: {} }, 'sampling')
      if (params.tools !== undefined && sampling.tools === undefined) {
        throw missingCapabilityError({ sampling: { tools: {} } }, 'sampling.tools')
      }
      return await context.request<CreateMessageResult>(
        'sampling/createMessage',
        params,
        requestOptions(options, 60_000),
      )
    },
    async roots(options) {
      if (capabilities.roots === undefined) throw missingCapabilityError({ roots: {} }, 'roots')
      return await context.request<ListRootsResult>(
        'roots/list',
        undefined,
        requestOptions(options, 60_000),
      )
    },
    closeStream() {
      session.closeStreamOf(context.requestId)
    },
  })
}
