/**
 * JSON-RPC in 2025-03-26, the one revision with batches: a message may be an array of requests
 * and notifications, or an array of responses. The single messages are those of 2025-06-18.
 * @see https://modelcontextprotocol.io/specification/2025-03-26/basic#batching
 * @module
 */
import { z } from 'zod'
import {
  JSONRPCErrorSchema,
  JSONRPCNotificationSchema,
  JSONRPCRequestSchema,
  JSONRPCResponseSchema,
} from '../2025-06-18/jsonrpc.js'

// The generic batch envelopes of `jsonrpc/messages.ts` are the trunk's: their items have untyped
// params and an error whose `id` may be absent, so this revision builds its own.

/** Several requests and notifications sent as one message. */
export const JSONRPCBatchRequestSchema = z.array(
  z.union([JSONRPCRequestSchema, JSONRPCNotificationSchema]),
)
export type JSONRPCBatchRequest = z.infer<typeof JSONRPCBatchRequestSchema>

/** The responses to a batch request, sent as one message. */
export const JSONRPCBatchResponseSchema = z.array(
  z.union([JSONRPCResponseSchema, JSONRPCErrorSchema]),
)
export type JSONRPCBatchResponse = z.infer<typeof JSONRPCBatchResponseSchema>

/** Any JSON-RPC message of this revision, batches included. */
export const JSONRPCMessageSchema = z.union([
  JSONRPCRequestSchema,
  JSONRPCNotificationSchema,
  JSONRPCBatchRequestSchema,
  JSONRPCResponseSchema,
  JSONRPCErrorSchema,
  JSONRPCBatchResponseSchema,
])
export type JSONRPCMessage = z.infer<typeof JSONRPCMessageSchema>
