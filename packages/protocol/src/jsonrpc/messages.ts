/**
 * JSON-RPC 2.0 envelopes as zod schemas, shaped like the official MCP `schema.json`.
 *
 * These are the trunk (2025-11-25) definitions, which 2026-07-28 shares. Older revisions differ
 * only in details their revision folders derive from these:
 *
 * - before 2025-11-25 an error response's `id` is required (`JSONRPCError` in 2024-11-05 to
 *   2025-06-18); since 2025-11-25 it may be absent when the request's id could not be read;
 * - before 2025-11-25 `params._meta` is spelled out (an object whose `progressToken` is a string or
 *   an integer); since 2025-11-25 `params` is any object;
 * - 2025-03-26 alone has JSON-RPC batches, and its `JSONRPCMessage` includes them;
 * - 2026-07-28 requires `resultType` in every result.
 *
 * Every object is open (`z.looseObject`): unknown members pass through untouched.
 * @module
 */
import { z } from 'zod'

/** The only JSON-RPC version there is. */
export const JSONRPC_VERSION = '2.0'

/**
 * A request id: a string or an integer.
 *
 * Integers are limited to the safe range: a larger id cannot survive `JSON.parse`, so a response
 * could never carry it back intact.
 */
export const RequestIdSchema = z.union([z.string(), z.int()])
/** A request id: a string or a safe integer. */
export type RequestId = z.infer<typeof RequestIdSchema>

/** The `params` of a request or notification: any JSON object. */
const ParamsSchema = z.looseObject({})

/** The `error` member of an error response (`Error` in the spec). */
export const ErrorObjectSchema = z.looseObject({
  /** The error type that occurred, an integer such as `-32602`. */
  code: z.int(),
  /** A short description of the error, ideally one sentence. */
  message: z.string(),
  /** Anything the sender wants to add, such as nested errors. */
  data: z.unknown().optional(),
})
/** The `error` member of an error response: `code`, `message` and optional `data`. */
export type ErrorObject = z.infer<typeof ErrorObjectSchema>

/** A request that expects a response. */
export const JSONRPCRequestSchema = z.looseObject({
  jsonrpc: z.literal(JSONRPC_VERSION),
  id: RequestIdSchema,
  method: z.string(),
  params: ParamsSchema.optional(),
})
/** A request that expects a response. */
export type JSONRPCRequest = z.infer<typeof JSONRPCRequestSchema>

/** A notification, which does not expect a response. */
export const JSONRPCNotificationSchema = z.looseObject({
  jsonrpc: z.literal(JSONRPC_VERSION),
  method: z.string(),
  params: ParamsSchema.optional(),
})
/** A notification, which does not expect a response. */
export type JSONRPCNotification = z.infer<typeof JSONRPCNotificationSchema>

/** The spec's `Result`: any object, with `_meta` reserved for metadata. */
const ResultSchema = z.looseObject({
  _meta: z.looseObject({}).optional(),
})

/** A successful response (`JSONRPCResponse` before 2025-11-25). */
export const JSONRPCResultResponseSchema = z.looseObject({
  jsonrpc: z.literal(JSONRPC_VERSION),
  id: RequestIdSchema,
  result: ResultSchema,
})
/** A successful response. */
export type JSONRPCResultResponse = z.infer<typeof JSONRPCResultResponseSchema>

/**
 * An error response (`JSONRPCError` before 2025-11-25). The `id` is absent when the request's id
 * could not be read, as for a parse error.
 */
export const JSONRPCErrorResponseSchema = z.looseObject({
  jsonrpc: z.literal(JSONRPC_VERSION),
  id: RequestIdSchema.optional(),
  error: ErrorObjectSchema,
})
/** An error response; `id` is absent when the request's id could not be read. */
export type JSONRPCErrorResponse = z.infer<typeof JSONRPCErrorResponseSchema>

/** A response: either a result or an error. */
export const JSONRPCResponseSchema = z.union([
  JSONRPCResultResponseSchema,
  JSONRPCErrorResponseSchema,
])
/** A response: a result or an error. */
export type JSONRPCResponse = z.infer<typeof JSONRPCResponseSchema>

/** Any single JSON-RPC message that goes over the wire. */
export const JSONRPCMessageSchema = z.union([
  JSONRPCRequestSchema,
  JSONRPCNotificationSchema,
  JSONRPCResultResponseSchema,
  JSONRPCErrorResponseSchema,
])
/** Any single JSON-RPC message. */
export type JSONRPCMessage = z.infer<typeof JSONRPCMessageSchema>

/** A batch of requests and notifications (2025-03-26 only). */
export const JSONRPCBatchRequestSchema = z.array(
  z.union([JSONRPCRequestSchema, JSONRPCNotificationSchema]),
)
/** A batch of requests and notifications (2025-03-26 only). */
export type JSONRPCBatchRequest = z.infer<typeof JSONRPCBatchRequestSchema>

/** A batch of responses (2025-03-26 only). */
export const JSONRPCBatchResponseSchema = z.array(
  z.union([JSONRPCResultResponseSchema, JSONRPCErrorResponseSchema]),
)
/** A batch of responses (2025-03-26 only). */
export type JSONRPCBatchResponse = z.infer<typeof JSONRPCBatchResponseSchema>
