/**
 * Cancellation, progress and log messages in 2026-07-28. Notification `_meta` may carry a
 * `subscriptionId`. `notifications/cancelled` needs a `requestId` now (tasks, which had none,
 * left the core); only a client sends it, except that a server on stdio uses it to end a
 * `subscriptions/listen` stream. Progress and log messages flow server to client only, on the
 * stream of the request they belong to, and log messages only when that request set
 * `_meta["io.modelcontextprotocol/logLevel"]`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/cancellation
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/progress
 * @module
 */
import type { z } from 'zod'
import * as trunk from '../2025-11-25/index.js'
import { NotificationParamsSchema } from './base.js'

/** The params of `notifications/cancelled`. */
export const CancelledNotificationParamsSchema = trunk.CancelledNotificationParamsSchema.extend({
  ...NotificationParamsSchema.shape,
  requestId: trunk.RequestIdSchema,
})
export type CancelledNotificationParams = z.infer<typeof CancelledNotificationParamsSchema>

/** `notifications/cancelled`: the client no longer wants the answer to a request (stdio). */
export const CancelledNotificationSchema = trunk.CancelledNotificationSchema.extend({
  params: CancelledNotificationParamsSchema,
})
export type CancelledNotification = z.infer<typeof CancelledNotificationSchema>

/** The params of `notifications/progress`. */
export const ProgressNotificationParamsSchema = trunk.ProgressNotificationParamsSchema.extend(
  NotificationParamsSchema.shape,
)
export type ProgressNotificationParams = z.infer<typeof ProgressNotificationParamsSchema>

/** `notifications/progress`: how far a request has come. */
export const ProgressNotificationSchema = trunk.ProgressNotificationSchema.extend({
  params: ProgressNotificationParamsSchema,
})
export type ProgressNotification = z.infer<typeof ProgressNotificationSchema>

/** The params of `notifications/message`. */
export const LoggingMessageNotificationParamsSchema =
  trunk.LoggingMessageNotificationParamsSchema.extend(NotificationParamsSchema.shape)
export type LoggingMessageNotificationParams = z.infer<
  typeof LoggingMessageNotificationParamsSchema
>

/** `notifications/message`: a log message (Logging is deprecated by SEP-2577). */
export const LoggingMessageNotificationSchema = trunk.LoggingMessageNotificationSchema.extend({
  params: LoggingMessageNotificationParamsSchema,
})
export type LoggingMessageNotification = z.infer<typeof LoggingMessageNotificationSchema>
