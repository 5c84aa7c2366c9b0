/**
 * JSON-RPC 2.0 envelopes of 2026-07-28. Requests, notifications and error responses are the
 * generic ones; a result response differs, because every result now carries `resultType`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#messages
 * @module
 */
import { z } from 'zod'
import {
  JSONRPCErrorResponseSchema,
  JSONRPCNotificationSchema,
  JSONRPCRequestSchema,
  JSONRPCResultResponseSchema as GenericResultResponseSchema,
} from '../../jsonrpc/messages.js'
import { ResultSchema } from './base.js'

/** A successful response: its `result` must carry `resultType`. */
export const JSONRPCResultResponseSchema = GenericResultResponseSchema.extend({
  result: ResultSchema,
})
export type JSONRPCResultResponse = z.infer<typeof JSONRPCResultResponseSchema>

/** A response: either a result or an error. */
export const JSONRPCResponseSchema = z.union([
  JSONRPCResultResponseSchema,
  JSONRPCErrorResponseSchema,
])
export type JSONRPCResponse = z.infer<typeof JSONRPCResponseSchema>

/** Any single JSON-RPC message; 2026-07-28 has no batches. */
export const JSONRPCMessageSchema = z.union([
  JSONRPCRequestSchema,
  JSONRPCNotificationSchema,
  JSONRPCResultResponseSchema,
  JSONRPCErrorResponseSchema,
])
export type JSONRPCMessage = z.infer<typeof JSONRPCMessageSchema>

/**
 * Builds the schema of a method's result response: the envelope around one result schema.
 * @internal
 */
export function resultResponseSchema<R extends z.ZodType>(result: R) {
  return JSONRPCResultResponseSchema.extend({ result })
}
