/**
 * The one place where JSON-RPC error responses are built.
 * @module
 */
import { JSONRPC_VERSION } from '../jsonrpc/messages.js'
import type { JSONRPCErrorResponse, RequestId } from '../jsonrpc/messages.js'
import { ErrorCode } from './error-code.js'
import { McpError } from './mcp-error.js'
import { describeZodError, isZodError } from './zod-issues.js'

/**
 * Builds a JSON-RPC error response. The `id` is left out when it is `undefined` (the request's
 * id could not be read), and so is `data`.
 *
 * @example
 * ```ts
 * errorResponse(7, ErrorCode.MethodNotFound, 'Method not found: tools/dance')
 * ```
 */
export function errorResponse(
  id: RequestId | undefined,
  code: ErrorCode | (number & {}),
  message: string,
  data?: unknown,
): JSONRPCErrorResponse {
  const error = data === undefined ? { code, message } : { code, message, data }
  return id === undefined
    ? { jsonrpc: JSONRPC_VERSION, error }
    : { jsonrpc: JSONRPC_VERSION, id, error }
}

function isMcpError(error: unknown): error is McpError {
  if (error instanceof McpError) return true
  // Another copy of this package in the tree makes its own McpError class.
  return (
    error instanceof Error &&
    error.name === 'McpError' &&
    Number.isSafeInteger((error as { code?: unknown }).code)
  )
}

/**
 * Turns anything a handler threw into the JSON-RPC error response to send.
 *
 * - an {@link McpError} keeps its code, message and data;
 * - a zod error (params that failed validation) becomes `-32602 Invalid params` listing the
 *   failing paths;
 * - anything else becomes `-32603 Internal error`, with no message or stack trace of its own,
 *   which may hold secrets. Log the original before converting it.
 *
 * @example
 * ```ts
 * try {
 *   result = await handler(params)
 * } catch (error) {
 *   send(toErrorResponse(request.id, error))
 * }
 * ```
 */
export function toErrorResponse(id: RequestId | undefined, error: unknown): JSONRPCErrorResponse {
  if (isMcpError(error)) return errorResponse(id, error.code, error.message, error.data)
  if (isZodError(error)) {
    return errorResponse(id, ErrorCode.InvalidParams, `Invalid params: ${describeZodError(error)}`)
  }
  return errorResponse(id, ErrorCode.InternalError, 'Internal error')
}
