/**
 * Turning a transport's body into JSON-RPC messages, or into the error response to send back.
 * @module
 */
import { ErrorCode } from '../errors/error-code.js'
import { errorResponse } from '../errors/error-response.js'
import { inspectMessage, isJsonObject, isRequestId } from './inspect.js'
import type { JSONRPCErrorResponse, JSONRPCMessage } from './messages.js'

/** Options for {@link parseJsonRpcBody}. */
export interface ParseJsonRpcOptions {
  /**
   * Whether a JSON-RPC batch (an array of messages) is allowed. Only 2025-03-26 has batches: pass
   * the negotiated revision's `batches` flag, or the revision itself.
   * @default false
   */
  batches?: boolean
}

/** What {@link parseJsonRpcBody} returns: the messages, or the error response to send. */
export type ParseJsonRpcResult =
  | {
      success: true
      /** The messages, in order: one, or the members of a batch. */
      messages: JSONRPCMessage[]
      /** Whether the body was a batch, so the answer must be one too. */
      batch: boolean
    }
  | {
      success: false
      /** `-32700` for invalid JSON, `-32600` for anything that is not an allowed message. */
      error: JSONRPCErrorResponse
    }

function invalid(problem: string, value?: unknown): ParseJsonRpcResult {
  const id = isJsonObject(value) && isRequestId(value.id) ? value.id : undefined
  return {
    success: false,
    error: errorResponse(id, ErrorCode.InvalidRequest, `Invalid Request: ${problem}`),
  }
}

/**
 * Parses a request or response body (or an SSE event's data) into JSON-RPC messages.
 *
 * Invalid JSON gives a `-32700 Parse error`. A value that is not a JSON-RPC message, an empty
 * batch, a batch mixing requests with responses, or a batch when `batches` is off gives a
 * `-32600 Invalid Request`, with the message's `id` when it could be read. One bad member
 * rejects a whole batch.
 *
 * @example
 * ```ts
 * const parsed = parseJsonRpcBody(await request.text(), { batches: revision.batches })
 * if (!parsed.success) return Response.json(parsed.error, { status: 400 })
 * for (const message of parsed.messages) peer.receive(message)
 * ```
 */
export function parseJsonRpcBody(text: string, options?: ParseJsonRpcOptions): ParseJsonRpcResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? `: ${error.message}` : ''
    return {
      success: false,
      error: errorResponse(undefined, ErrorCode.ParseError, `Parse error${reason}`),
    }
  }
  return parseJsonRpcValue(value, options)
}

/**
 * Like {@link parseJsonRpcBody}, for a body that was already parsed as JSON, such as one a
 * framework parsed for you.
 *
 * @example
 * ```ts
 * const parsed = parseJsonRpcValue(await context.req.json(), { batches: false })
 * ```
 */
export function parseJsonRpcValue(
  value: unknown,
  options?: ParseJsonRpcOptions,
): ParseJsonRpcResult {
  if (!Array.isArray(value)) {
    const kind = inspectMessage(value)
    if (typeof kind !== 'string') return invalid(kind.problem, value)
    return { success: true, messages: [value as JSONRPCMessage], batch: false }
  }
  if (options?.batches !== true) {
    return invalid('JSON-RPC batches are not supported in this protocol revision')
  }
  if (value.length === 0) return invalid('the batch is empty')
  let responses: boolean | undefined
  for (let index = 0; index < value.length; index++) {
    const kind = inspectMessage(value[index])
    if (typeof kind !== 'string') return invalid(`batch member ${index}: ${kind.problem}`)
    const isResponse = kind === 'result' || kind === 'error'
    responses ??= isResponse
    if (responses !== isResponse) {
      return invalid('a batch must hold either requests and notifications or responses, not both')
    }
  }
  return { success: true, messages: value as JSONRPCMessage[], batch: true }
}
