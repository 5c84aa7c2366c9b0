/**
 * Logging in 2025-06-18: the request and notification without the JSON-RPC envelope.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/server/utilities/logging
 * @module
 */
import type { z } from 'zod'
import * as trunk from '../2025-11-25/logging.js'
import { NOTIFICATION_ENVELOPE, PARAMS_META, REQUEST_ENVELOPE } from './jsonrpc.js'

/** `logging/setLevel`: the lowest level the client wants to receive. */
export const SetLevelRequestSchema = trunk.SetLevelRequestSchema.omit(REQUEST_ENVELOPE).extend({
  params: trunk.SetLevelRequestParamsSchema.omit(PARAMS_META),
})
export type SetLevelRequest = z.infer<typeof SetLevelRequestSchema>

/** `notifications/message`: a log message. */
export const LoggingMessageNotificationSchema = trunk.LoggingMessageNotificationSchema.omit(
  NOTIFICATION_ENVELOPE,
).extend({ params: trunk.LoggingMessageNotificationParamsSchema.omit(PARAMS_META) })
export type LoggingMessageNotification = z.infer<typeof LoggingMessageNotificationSchema>
