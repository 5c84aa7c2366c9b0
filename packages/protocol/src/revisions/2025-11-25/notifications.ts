/**
 * The notifications both sides send: cancellation and progress.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/progress
 * @module
 */
import { z } from 'zod'
import { NotificationParamsSchema, ProgressTokenSchema } from './base.js'
import { notificationSchema, RequestIdSchema } from './jsonrpc.js'

/**
 * The params of `notifications/cancelled`. The spec requires `requestId` for every request that
 * does not run as a task (tasks are cancelled with `tasks/cancel`), but the schema leaves it
 * optional.
 */
export const CancelledNotificationParamsSchema = NotificationParamsSchema.extend({
  requestId: RequestIdSchema.optional(),
  reason: z.string().optional(),
})
export type CancelledNotificationParams = z.infer<typeof CancelledNotificationParamsSchema>

/** `notifications/cancelled`: the sender no longer wants the answer to a request. */
export const CancelledNotificationSchema = notificationSchema(
  'notifications/cancelled',
  CancelledNotificationParamsSchema,
)
export type CancelledNotification = z.infer<typeof CancelledNotificationSchema>

/** The params of `notifications/progress`: `progress` must grow with every notification. */
export const ProgressNotificationParamsSchema = NotificationParamsSchema.extend({
  progressToken: ProgressTokenSchema,
  progress: z.number(),
  total: z.number().optional(),
  message: z.string().optional(),
})
export type ProgressNotificationParams = z.infer<typeof ProgressNotificationParamsSchema>

/** `notifications/progress`: how far a long request has come. */
export const ProgressNotificationSchema = notificationSchema(
  'notifications/progress',
  ProgressNotificationParamsSchema,
)
export type ProgressNotification = z.infer<typeof ProgressNotificationSchema>
