/**
 * Requests this peer received and is handling: dispatch to handlers, params validation, the
 * response, and cancellation.
 * @module
 */
import type { ZodType } from 'zod'
import { ErrorCode } from '../errors/error-code.js'
import { errorResponse, toErrorResponse } from '../errors/error-response.js'
import { LocalError } from '../errors/local-error.js'
import { McpError } from '../errors/mcp-error.js'
import { describeZodError, isZodError } from '../errors/zod-issues.js'
import { isJsonObject, isRequestId } from '../jsonrpc/inspect.js'
import type { JSONRPCMessage, JSONRPCRequest, RequestId } from '../jsonrpc/messages.js'
import type { ContextHost } from './context.js'
import { cancelledError, closedError } from './errors.js'
import { createRequestContext } from './context.js'
import type { MessageParams, MessageRoute, RequestHandler } from './types.js'

/** What the incoming side needs from its peer. */
export interface IncomingHost extends ContextHost {
  send: (message: JSONRPCMessage, route: MessageRoute) => void | Promise<void>
  reportError: (error: unknown) => void
}

/**
 * A running request's cancellation. The `AbortController` behind `signal` is created only when a
 * handler (or a request it sends) reads the signal: most handlers never do, and creating an
 * `AbortSignal` costs several microseconds, a visible share of a whole `tools/call`.
 */
class Running {
  readonly method: string
  #controller: AbortController | undefined
  #aborted = false
  #reason: unknown

  constructor(method: string) {
    this.method = method
  }

  /** Whether the request was cancelled or its peer closed. */
  get aborted(): boolean {
    return this.#aborted
  }

  /** The signal handlers see; already aborted when created after the abort. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController()
      if (this.#aborted) this.#controller.abort(this.#reason)
    }
    return this.#controller.signal
  }

  /** Whether `error` is this request's abort surfacing through the handler. */
  isAbortReason(error: unknown): boolean {
    return this.#aborted && error === this.#reason
  }

  abort(reason: unknown): void {
    if (this.#aborted) return
    this.#aborted = true
    this.#reason = reason
    this.#controller?.abort(reason)
  }
}

/** The requests this peer is handling. */
export class IncomingRequests<Extra> {
  readonly #host: IncomingHost
  readonly #running = new Map<RequestId, Running>()

  constructor(host: IncomingHost) {
    this.#host = host
  }

  /** How many handlers are running. */
  get size(): number {
    return this.#running.size
  }

  /** Validates a request, runs its handler and sends the response. */
  handle(
    request: JSONRPCRequest,
    handler: RequestHandler<Extra> | undefined,
    paramsSchema: ZodType | undefined,
    extra: Extra,
  ): void {
    const { id, method } = request
    if (this.#running.has(id)) {
      const message = `Invalid Request: request id ${JSON.stringify(id)} is already in use`
      this.#respond(id, errorResponse(id, ErrorCode.InvalidRequest, message))
      return
    }
    if (handler === undefined) {
      this.#respond(id, errorResponse(id, ErrorCode.MethodNotFound, `Method not found: ${method}`))
      return
    }
    let params: unknown = request.params
    if (paramsSchema !== undefined) {
      const parsed = paramsSchema.safeParse(params)
      if (!parsed.success) {
        const message = `Invalid params for ${method}: ${describeZodError(parsed.error)}`
        this.#respond(id, errorResponse(id, ErrorCode.InvalidParams, message))
        return
      }
      params = parsed.data
    }
    const running = new Running(method)
    this.#running.set(id, running)
    const context = createRequestContext(this.#host, request, running, extra)
    const input = (isJsonObject(params) ? params : {}) as MessageParams

    void (async () => {
      let response: JSONRPCMessage
      try {
        const result: unknown = await handler(input, context)
        if (!isJsonObject(result)) {
          const got = result === null ? 'null' : Array.isArray(result) ? 'an array' : typeof result
          throw new TypeError(`The handler of ${method} returned ${got}, not a result object`)
        }
        response = { jsonrpc: '2.0', id, result }
      } catch (error) {
        if (running.aborted) {
          if (!isAbortError(error, running)) this.#host.reportError(error)
          return
        }
        if (!(error instanceof McpError) && !isZodError(error)) this.#host.reportError(error)
        response = toErrorResponse(id, error)
      } finally {
        if (this.#running.get(id) === running) this.#running.delete(id)
      }
      // After cancellation or close no response may be sent.
      if (!running.aborted) this.#respond(id, response)
    })()
  }

  /**
   * Aborts the handler of a request; no response will be sent. Unknown or finished ids are
   * ignored, as the spec asks. Returns the request's method if it was running.
   */
  abort(id: RequestId, reason: string | undefined): string | undefined {
    const running = this.#running.get(id)
    if (running === undefined) return undefined
    this.#running.delete(id)
    running.abort(cancelledError(running.method, reason))
    return running.method
  }

  /** The method of a running request, if it is running. */
  methodOf(id: RequestId): string | undefined {
    return this.#running.get(id)?.method
  }

  /**
   * Answers a message that is not JSON-RPC with `-32600`, with its `id` when it could be read.
   * Something that looks like a response is reported instead: a response is never answered.
   */
  rejectInvalid(message: unknown, problem: string): void {
    const looksLikeResponse =
      isJsonObject(message) &&
      message.method === undefined &&
      ('result' in message || 'error' in message)
    if (looksLikeResponse) {
      this.#host.reportError(new LocalError('protocol', `Received an invalid response: ${problem}`))
      return
    }
    const id = isJsonObject(message) && isRequestId(message.id) ? message.id : undefined
    this.#respond(id, errorResponse(id, ErrorCode.InvalidRequest, `Invalid Request: ${problem}`))
  }

  /** Aborts every handler; their results are dropped. */
  closeAll(reason: string | undefined): void {
    for (const [id, running] of this.#running) {
      this.#running.delete(id)
      running.abort(closedError(running.method, reason))
    }
  }

  /** Sends a response; one that answers no readable id belongs to no request's stream. */
  #respond(id: RequestId | undefined, response: JSONRPCMessage): void {
    try {
      const sent = this.#host.send(response, id === undefined ? {} : { relatedRequestId: id })
      if (sent !== undefined) {
        sent.then(undefined, (error: unknown) => {
          this.#host.reportError(error)
        })
      }
    } catch (error) {
      this.#host.reportError(error)
    }
  }
}

/** Whether a handler's throw after its signal aborted is just that abort surfacing. */
function isAbortError(error: unknown, running: Running): boolean {
  return (
    running.isAbortReason(error) ||
    (error instanceof Error && (error.name === 'AbortError' || error instanceof LocalError))
  )
}
