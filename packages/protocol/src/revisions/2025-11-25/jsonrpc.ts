/**
 * JSON-RPC 2.0 envelopes under the names the 2025-11-25 schema gives them (they are written once,
 * in `src/jsonrpc/`), and the internal helpers that build a concrete request or notification
 * schema from a method name and a params schema.
 * @module
 */
import { z } from 'zod'
import { JSONRPC_VERSION, RequestIdSchema } from '../../jsonrpc/messages.js'

export {
  ErrorObjectSchema as ErrorSchema,
  JSONRPCErrorResponseSchema,
  JSONRPCMessageSchema,
  JSONRPCNotificationSchema,
  JSONRPCRequestSchema,
  JSONRPCResponseSchema,
  JSONRPCResultResponseSchema,
  RequestIdSchema,
  type ErrorObject as Error,
  type JSONRPCErrorResponse,
  type JSONRPCMessage,
  type JSONRPCNotification,
  type JSONRPCRequest,
  type JSONRPCResponse,
  type JSONRPCResultResponse,
  type RequestId,
} from '../../jsonrpc/messages.js'

/**
 * Builds the schema of one request: the envelope with a fixed `method` and its params.
 * Pass `params.optional()` when the spec does not require them.
 */
export function requestSchema<M extends string, P extends z.ZodType>(method: M, params: P) {
  return z.looseObject({
    jsonrpc: z.literal(JSONRPC_VERSION),
    id: RequestIdSchema,
    method: z.literal(method),
    params,
  })
}

/** Builds the schema of one notification: the envelope with a fixed `method` and its params. */
export function notificationSchema<M extends string, P extends z.ZodType>(method: M, params: P) {
  return z.looseObject({
    jsonrpc: z.literal(JSONRPC_VERSION),
    method: z.literal(method),
    params,
  })
}
