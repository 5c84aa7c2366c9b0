/**
 * Answering the input requests of an `input_required` result (SEP-2322) with the same handlers a
 * 2025 client answers server requests with: sampling, elicitation (form mode filled with the
 * schema's defaults, SEP-1034) and roots. Each input request is answered exactly once.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
 * @module
 */
import { LocalError, modernInputRequestMethods, type RequestId } from '@mcp-sse/protocol'
import type { ServerRequestOptions } from '../client/server-requests.js'
import type {
  CreateMessageRequestParams,
  ElicitRequestParams,
  RootsOption,
  ServerRequestContext,
} from '../client/types.js'
import { applyElicitationDefaults } from '../elicitation/defaults.js'

/** The handlers that answer input requests; the same options `connect()` takes. */
export interface InputHandlers extends Pick<
  ServerRequestOptions,
  'onSampling' | 'onElicitation' | 'elicitation'
> {
  /** The current roots, read when the server asks; `undefined` when the client declares none. */
  roots?: (() => RootsOption | undefined) | undefined
}

/** Where the input requests came from, for the handlers and for error messages. */
export interface InputContext {
  /** Aborted when the request that needs the input is abandoned. */
  signal: AbortSignal
  /** The id the caller knows the request by. */
  relatedRequestId?: RequestId | undefined
  /** The request that asked, and its server, named in errors. */
  method: string
  url: string
}

type Params = Record<string, unknown>

/**
 * Fulfils every input request of one `input_required` result, concurrently, and returns the
 * `inputResponses` for the retry, under the server's keys. Rejects with a `LocalError` of type
 * `protocol` when the server asks for something this client did not declare or sends an input
 * request that is malformed, and with whatever a handler throws.
 *
 * @example
 * ```ts
 * const inputResponses = await answerInputRequests(result.inputRequests ?? {}, handlers, context)
 * ```
 */
export async function answerInputRequests(
  inputRequests: unknown,
  handlers: InputHandlers,
  context: InputContext,
): Promise<Record<string, unknown>> {
  if (typeof inputRequests !== 'object' || inputRequests === null || Array.isArray(inputRequests)) {
    throw problem(context, 'sent inputRequests that are not an object')
  }
  // One failing handler abandons the others: the retry cannot be sent anyway.
  const controller = new AbortController()
  const abort = () => {
    controller.abort(context.signal.reason)
  }
  context.signal.addEventListener('abort', abort, { once: true })
  const handlerContext: ServerRequestContext = {
    signal: controller.signal,
    relatedRequestId: context.relatedRequestId,
  }
  try {
    const entries = Object.entries(inputRequests as Params)
    const answers = await Promise.all(
      entries.map(async ([key, request]) => {
        try {
          return [key, await answerOne(key, request, handlers, handlerContext, context)] as const
        } catch (error) {
          controller.abort(error)
          throw error
        }
      }),
    )
    return Object.fromEntries(answers)
  } finally {
    context.signal.removeEventListener('abort', abort)
  }
}

async function answerOne(
  key: string,
  request: unknown,
  handlers: InputHandlers,
  handlerContext: ServerRequestContext,
  context: InputContext,
): Promise<unknown> {
  const { method, params: raw } = (request ?? {}) as { method?: unknown; params?: unknown }
  const known = modernInputRequestMethods as Record<string, { params: { safeParse: Parse } }>
  const schemas =
    typeof method === 'string' && Object.hasOwn(known, method) ? known[method] : undefined
  if (schemas === undefined) {
    throw problem(context, `asked for input "${key}" with an unknown method ${String(method)}`)
  }
  const parsed = schemas.params.safeParse(raw ?? {})
  if (!parsed.success) {
    throw problem(context, `asked for input "${key}" (${String(method)}) with invalid params`)
  }
  const params = raw as Params
  if (method === 'sampling/createMessage') {
    if (handlers.onSampling === undefined) throw undeclared(context, key, 'sampling')
    return handlers.onSampling(params as CreateMessageRequestParams, handlerContext)
  }
  if (method === 'roots/list') {
    if (handlers.roots === undefined) throw undeclared(context, key, 'roots')
    const option = handlers.roots() ?? []
    return { roots: typeof option === 'function' ? await option() : option }
  }
  return elicit(key, params as ElicitRequestParams, handlers, handlerContext, context)
}

async function elicit(
  key: string,
  params: ElicitRequestParams,
  handlers: InputHandlers,
  handlerContext: ServerRequestContext,
  context: InputContext,
): Promise<unknown> {
  const mode = params.mode ?? 'form'
  const declared =
    handlers.onElicitation !== undefined &&
    (mode === 'form' ? handlers.elicitation?.form !== false : handlers.elicitation?.url === true)
  if (!declared || handlers.onElicitation === undefined) {
    throw undeclared(context, key, `elicitation in ${mode} mode`)
  }
  const result = await handlers.onElicitation(params, handlerContext)
  if (params.mode === 'url' || result.action !== 'accept') return result
  return { ...result, content: applyElicitationDefaults(params.requestedSchema, result.content) }
}

type Parse = (value: unknown) => { success: boolean }

function problem(context: InputContext, what: string): LocalError {
  return new LocalError('protocol', `${context.method} on ${context.url} ${what}`, {
    method: context.method,
    url: context.url,
  })
}

function undeclared(context: InputContext, key: string, what: string): LocalError {
  return problem(
    context,
    `asked for input "${key}" by ${what}, which this client did not declare; pass a handler to connect()`,
  )
}
