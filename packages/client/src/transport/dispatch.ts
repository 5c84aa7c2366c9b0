/**
 * From bodies and SSE events to JSON-RPC messages.
 * @module
 */
import {
  isJSONRPCErrorResponse,
  isJSONRPCResultResponse,
  parseJsonRpcBody,
  type JSONRPCMessage,
  type RequestId,
} from '@mcp-sse/protocol'
import type { MessageContext } from './types.js'

/** Hands one incoming message on. */
export type Dispatch = (message: JSONRPCMessage, context: MessageContext) => void

/** The id a response answers, or `undefined` for anything else. */
export function responseId(message: JSONRPCMessage): RequestId | undefined {
  return isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message)
    ? message.id
    : undefined
}

/**
 * Dispatches every message in a JSON body or event data (one message, or a 2025-03-26 batch).
 * Returns what was wrong when the text is not JSON-RPC, after dispatching nothing.
 */
export function dispatchBody(
  text: string,
  context: MessageContext,
  dispatch: Dispatch,
): string | undefined {
  const parsed = parseJsonRpcBody(text, { batches: true })
  if (!parsed.success) return parsed.error.error.message
  for (const message of parsed.messages) dispatch(message, context)
  return undefined
}

/** The method a request or notification carries, or `undefined` for a response. */
export function methodOf(message: JSONRPCMessage): string | undefined {
  const method = (message as { method?: unknown }).method
  return typeof method === 'string' ? method : undefined
}
