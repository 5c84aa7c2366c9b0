/**
 * Cancellation and progress in 2025-06-18: without the JSON-RPC envelope, and a cancellation
 * always names its request (the trunk lets tasks leave `requestId` out).
 * @see https://modelcontextprotocol.io/specification/2025-06-18/basic/utilities/cancellation
 * @see https://modelcontextprotocol.io/specification/2025-06-18/basic/utilities/progress
 * @module
 */
import type { z } from 'zod'
import * as trunk from '../2025-11-25/notifications.js'
import { NOTIFICATION_ENVELOPE, PARAMS_META } from './jsonrpc.js'

/** `notifications/cancelled`: the sender no longer wants the answer to a request. */
export const CancelledNotificationSchema = trunk.CancelledNotificationSchema.omit(
  NOTIFICATION_ENVELOPE,
).extend({
  params: trunk.CancelledNotificationParamsSchema.omit(PARAMS_META).required({ requestId: true }),
})
export type CancelledNotification = z.infer<typeof CancelledNotificationSchema>

/** `notifications/progress`: how far a long request has come. */
export const ProgressNotificationSchema = trunk.ProgressNotificationSchema.omit(
  NOTIFICATION_ENVELOPE,
).extend({ params: trunk.ProgressNotificationParamsSchema.omit(PARAMS_META) })
export type ProgressNotification = z.infer<typeof ProgressNotificationSchema>
