/**
 * The JSON-RPC definitions of 2025-06-18 and the shape its requests and notifications share.
 *
 * Two things differ from the 2025-11-25 trunk. The error response is called `JSONRPCError` and
 * needs its `id`; `JSONRPCResponse` is the result response alone. And a concrete request or
 * notification (`CallToolRequest`, ...) is only `{ method, params }`: the JSON-RPC envelope is not
 * part of its definition, so every one of them drops the trunk's `jsonrpc` and `id` with the
 * masks below.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/basic
 * @module
 */
import { z } from 'zod'
import {
  JSONRPCErrorResponseSchema,
  JSONRPCNotificationSchema as EnvelopeNotificationSchema,
  JSONRPCRequestSchema as EnvelopeRequestSchema,
  JSONRPCResultResponseSchema,
  RequestIdSchema,
} from '../../jsonrpc/messages.js'
import * as trunk from '../2025-11-25/base.js'

/** What a trunk request has that a request definition of this revision does not. */
export const REQUEST_ENVELOPE = { jsonrpc: true, id: true } as const

/** What a trunk notification has that a notification definition of this revision does not. */
export const NOTIFICATION_ENVELOPE = { jsonrpc: true } as const

/**
 * What the trunk's params have that most params of this revision do not: before 2025-11-25 only
 * ping, `roots/list`, `notifications/initialized` and the list-changed notifications spell out
 * `params._meta`; everywhere else `_meta` is an unknown member of the open object.
 */
export const PARAMS_META = { _meta: true } as const

/** A request that expects a response; `params._meta.progressToken` is spelled out. */
export const JSONRPCRequestSchema = EnvelopeRequestSchema.extend({
  params: trunk.RequestParamsSchema.optional(),
})
export type JSONRPCRequest = z.infer<typeof JSONRPCRequestSchema>

/** A notification, which expects no response; `params._meta` is an object. */
export const JSONRPCNotificationSchema = EnvelopeNotificationSchema.extend({
  params: trunk.NotificationParamsSchema.optional(),
})
export type JSONRPCNotification = z.infer<typeof JSONRPCNotificationSchema>

/** A successful response (the trunk's `JSONRPCResultResponse`). */
export const JSONRPCResponseSchema = JSONRPCResultResponseSchema
export type JSONRPCResponse = z.infer<typeof JSONRPCResponseSchema>

/** An error response; unlike the trunk's, its `id` is required. */
export const JSONRPCErrorSchema = JSONRPCErrorResponseSchema.extend({ id: RequestIdSchema })
export type JSONRPCError = z.infer<typeof JSONRPCErrorSchema>

/** Any JSON-RPC message of this revision (no batches). */
export const JSONRPCMessageSchema = z.union([
  JSONRPCRequestSchema,
  JSONRPCNotificationSchema,
  JSONRPCResponseSchema,
  JSONRPCErrorSchema,
])
export type JSONRPCMessage = z.infer<typeof JSONRPCMessageSchema>

/** A request without the JSON-RPC envelope; `params._meta.progressToken` is spelled out. */
export const RequestSchema = trunk.RequestSchema.extend({
  params: trunk.RequestParamsSchema.optional(),
})
export type Request = z.infer<typeof RequestSchema>

/** A notification without the JSON-RPC envelope; `params._meta` is an object. */
export const NotificationSchema = trunk.NotificationSchema.extend({
  params: trunk.NotificationParamsSchema.optional(),
})
export type Notification = z.infer<typeof NotificationSchema>

/** The params of a list request: only the cursor. */
export const PaginatedParamsSchema = trunk.PaginatedRequestParamsSchema.omit(PARAMS_META)

/** Any list request, whatever its method. */
export const PaginatedRequestSchema = trunk.PaginatedRequestSchema.omit(REQUEST_ENVELOPE).extend({
  params: PaginatedParamsSchema.optional(),
})
export type PaginatedRequest = z.infer<typeof PaginatedRequestSchema>
