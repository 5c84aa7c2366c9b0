/**
 * Progress in 2024-11-05: a progress notification has no `message`.
 * @see https://modelcontextprotocol.io/specification/2024-11-05/basic/utilities/progress
 * @module
 */
import type { z } from 'zod'
import * as v2025_06_18 from '../2025-06-18/notifications.js'

const params = v2025_06_18.ProgressNotificationSchema.shape.params

/** `notifications/progress`: how far a long request has come. */
export const ProgressNotificationSchema = v2025_06_18.ProgressNotificationSchema.extend({
  params: params.omit({ message: true }),
})
export type ProgressNotification = z.infer<typeof ProgressNotificationSchema>
