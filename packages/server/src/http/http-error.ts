/**
 * The one helper that turns a rejected HTTP request into a response whose body says what was
 * wrong: a JSON-RPC error response without an id.
 * @module
 */
import { ErrorCode, errorResponse, type JSONRPCErrorResponse } from '@mcp-sse/protocol'

/**
 * A JSON response with the given status and a JSON-RPC error body.
 *
 * @param code - `-32600 Invalid Request` unless the problem has a more precise code (`-32700`
 *   for a body that is not JSON, say).
 * @example
 * ```ts
 * return httpError(404, 'Session not found: the session ended or never existed; initialize again')
 * ```
 */
export function httpError(
  status: number,
  message: string,
  options: { code?: number; headers?: Record<string, string> } = {},
): Response {
  return jsonResponse(errorResponse(undefined, options.code ?? ErrorCode.InvalidRequest, message), {
    status,
    headers: options.headers,
  })
}

/** A JSON-RPC error response (built elsewhere) as an HTTP response. */
export function errorBody(status: number, body: JSONRPCErrorResponse): Response {
  return jsonResponse(body, { status })
}

/** Serialises a value into an `application/json` response. */
export function jsonResponse(
  value: unknown,
  init: { status?: number; headers?: Record<string, string> | undefined } = {},
): Response {
  return new Response(JSON.stringify(value), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  })
}
