/**
 * Hand-written structural checks for JSON-RPC messages: the hot path, where a zod parse would
 * copy every object and build issue lists nobody reads.
 * @module
 */
import type {
  JSONRPCErrorResponse,
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCRequest,
  JSONRPCResultResponse,
  RequestId,
} from './messages.js'

/** The four kinds of JSON-RPC message. */
export type JSONRPCMessageKind = 'request' | 'notification' | 'result' | 'error'

/** What is wrong with a value that is not a JSON-RPC message. */
export interface MessageProblem {
  problem: string
}

/** Whether a value is a JSON object (not `null`, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Whether a value is a valid request id: a string or a safe integer. */
export function isRequestId(value: unknown): value is RequestId {
  return typeof value === 'string' || Number.isSafeInteger(value)
}

/**
 * Classifies a value as one kind of JSON-RPC message, or says what is wrong with it.
 *
 * This is slightly stricter than the spec's JSON Schema, which has open objects: a message is
 * exactly one kind. A `method` makes it a request or a notification, and then an `id` that is
 * present must be valid (JSON-RPC treats `"id": null` as a request); a response holds `result`
 * or `error`, never both.
 */
export function inspectMessage(value: unknown): JSONRPCMessageKind | MessageProblem {
  if (!isJsonObject(value)) return { problem: 'a JSON-RPC message must be an object' }
  if (value.jsonrpc !== '2.0') return { problem: '"jsonrpc" must be "2.0"' }
  if (value.method !== undefined) {
    if (typeof value.method !== 'string') return { problem: '"method" must be a string' }
    if (value.params !== undefined && !isJsonObject(value.params)) {
      return { problem: '"params" must be an object' }
    }
    if (value.id === undefined) return 'notification'
    return isRequestId(value.id) ? 'request' : { problem: '"id" must be a string or an integer' }
  }
  if (value.result !== undefined) {
    if (value.error !== undefined) {
      return { problem: 'a response must hold "result" or "error", not both' }
    }
    if (!isRequestId(value.id)) return { problem: '"id" must be a string or an integer' }
    if (!isJsonObject(value.result)) return { problem: '"result" must be an object' }
    const meta = value.result._meta
    if (meta !== undefined && !isJsonObject(meta)) {
      return { problem: '"result._meta" must be an object' }
    }
    return 'result'
  }
  if (value.error !== undefined) {
    if (value.id !== undefined && !isRequestId(value.id)) {
      return { problem: '"id" must be a string or an integer' }
    }
    const error = value.error
    if (!isJsonObject(error)) return { problem: '"error" must be an object' }
    if (!Number.isSafeInteger(error.code)) return { problem: '"error.code" must be an integer' }
    if (typeof error.message !== 'string') return { problem: '"error.message" must be a string' }
    return 'error'
  }
  return { problem: 'a JSON-RPC message needs a "method", a "result" or an "error"' }
}

/**
 * Whether a value is a JSON-RPC request (a `method` and an `id`).
 *
 * @example
 * ```ts
 * isJSONRPCRequest({ jsonrpc: '2.0', id: 1, method: 'ping' }) // true
 * isJSONRPCRequest({ jsonrpc: '2.0', id: null, method: 'ping' }) // false: a null id is invalid
 * ```
 */
export function isJSONRPCRequest(value: unknown): value is JSONRPCRequest {
  return inspectMessage(value) === 'request'
}

/**
 * Whether a value is a JSON-RPC notification (a `method` and no `id`).
 *
 * @example
 * ```ts
 * isJSONRPCNotification({ jsonrpc: '2.0', method: 'notifications/initialized' }) // true
 * ```
 */
export function isJSONRPCNotification(value: unknown): value is JSONRPCNotification {
  return inspectMessage(value) === 'notification'
}

/**
 * Whether a value is a successful JSON-RPC response.
 *
 * @example
 * ```ts
 * isJSONRPCResultResponse({ jsonrpc: '2.0', id: 1, result: {} }) // true
 * ```
 */
export function isJSONRPCResultResponse(value: unknown): value is JSONRPCResultResponse {
  return inspectMessage(value) === 'result'
}

/**
 * Whether a value is a JSON-RPC error response.
 *
 * @example
 * ```ts
 * isJSONRPCErrorResponse({ jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'x' } }) // true
 * ```
 */
export function isJSONRPCErrorResponse(value: unknown): value is JSONRPCErrorResponse {
  return inspectMessage(value) === 'error'
}

/**
 * Whether a value is any single JSON-RPC message. A batch (an array) is not one message.
 *
 * @example
 * ```ts
 * isJSONRPCMessage({ jsonrpc: '2.0', method: 'ping', id: 1 }) // true
 * isJSONRPCMessage({ jsonrpc: '2.0', id: 1, result: {}, error: {} }) // false: both result and error
 * ```
 */
export function isJSONRPCMessage(value: unknown): value is JSONRPCMessage {
  return typeof inspectMessage(value) === 'string'
}
