/**
 * `subscriptions/listen`, new in 2026-07-28: one long-lived request whose response stream carries
 * the change notifications the client opted into. It replaces the HTTP GET stream and
 * `resources/subscribe`/`resources/unsubscribe`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
 * @module
 */
import { z } from 'zod'
import { JSONRPCNotificationSchema, JSONRPCRequestSchema } from '../../jsonrpc/messages.js'
import { NotificationParamsSchema, RequestParamsSchema, ResultSchema } from './base.js'
import { resultResponseSchema } from './jsonrpc.js'
import { SubscriptionsListenResultMetaObjectSchema } from './meta.js'

/**
 * The notification types a client opts into. Each is opt-in: the server MUST NOT send a type the
 * client did not ask for.
 */
export const SubscriptionFilterSchema = z.looseObject({
  /** `notifications/tools/list_changed`. */
  toolsListChanged: z.boolean().optional(),
  /** `notifications/prompts/list_changed`. */
  promptsListChanged: z.boolean().optional(),
  /** `notifications/resources/list_changed`. */
  resourcesListChanged: z.boolean().optional(),
  /** `notifications/resources/updated` for these resource URIs. */
  resourceSubscriptions: z.array(z.string()).optional(),
})
export type SubscriptionFilter = z.infer<typeof SubscriptionFilterSchema>

/** The params of `subscriptions/listen`: the `_meta` envelope and the filter. */
export const SubscriptionsListenRequestParamsSchema = RequestParamsSchema.extend({
  notifications: SubscriptionFilterSchema,
})
export type SubscriptionsListenRequestParams = z.infer<
  typeof SubscriptionsListenRequestParamsSchema
>

/**
 * `subscriptions/listen`: opens the stream. Its JSON-RPC id becomes the subscription id every
 * message on the stream carries.
 */
export const SubscriptionsListenRequestSchema = JSONRPCRequestSchema.extend({
  method: z.literal('subscriptions/listen'),
  params: SubscriptionsListenRequestParamsSchema,
})
export type SubscriptionsListenRequest = z.infer<typeof SubscriptionsListenRequestSchema>

/**
 * The result that ends a subscription gracefully (server shutdown, say); an abrupt close sends
 * none. Its `_meta` names the subscription it closes.
 */
export const SubscriptionsListenResultSchema = ResultSchema.extend({
  _meta: SubscriptionsListenResultMetaObjectSchema,
})
export type SubscriptionsListenResult = z.infer<typeof SubscriptionsListenResultSchema>

/** The response that ends a `subscriptions/listen` stream gracefully. */
export const SubscriptionsListenResultResponseSchema = resultResponseSchema(
  SubscriptionsListenResultSchema,
)
export type SubscriptionsListenResultResponse = z.infer<
  typeof SubscriptionsListenResultResponseSchema
>

/** The params of the acknowledgement: the subset of the filter the server will honor. */
export const SubscriptionsAcknowledgedNotificationParamsSchema = NotificationParamsSchema.extend({
  notifications: SubscriptionFilterSchema,
})
export type SubscriptionsAcknowledgedNotificationParams = z.infer<
  typeof SubscriptionsAcknowledgedNotificationParamsSchema
>

/**
 * `notifications/subscriptions/acknowledged`: MUST be the first message of a subscription; no
 * other notification of that subscription may precede it.
 */
export const SubscriptionsAcknowledgedNotificationSchema = JSONRPCNotificationSchema.extend({
  method: z.literal('notifications/subscriptions/acknowledged'),
  params: SubscriptionsAcknowledgedNotificationParamsSchema,
})
export type SubscriptionsAcknowledgedNotification = z.infer<
  typeof SubscriptionsAcknowledgedNotificationSchema
>
