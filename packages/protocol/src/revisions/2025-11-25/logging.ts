/**
 * Logging: structured log messages from server to client.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/logging
 * @module
 */
import { z } from 'zod'
import { NotificationParamsSchema, RequestParamsSchema } from './base.js'
import { notificationSchema, requestSchema } from './jsonrpc.js'

/** The syslog severities of RFC 5424. */
export const LoggingLevelSchema = z.enum([
  'alert',
  'critical',
  'debug',
  'emergency',
  'error',
  'info',
  'notice',
  'warning',
])
export type LoggingLevel = z.infer<typeof LoggingLevelSchema>

/** The params of `logging/setLevel`. */
export const SetLevelRequestParamsSchema = RequestParamsSchema.extend({
  level: LoggingLevelSchema,
})
export type SetLevelRequestParams = z.infer<typeof SetLevelRequestParamsSchema>

/** `logging/setLevel`: the lowest level the client wants to receive. */
export const SetLevelRequestSchema = requestSchema('logging/setLevel', SetLevelRequestParamsSchema)
export type SetLevelRequest = z.infer<typeof SetLevelRequestSchema>

/** The params of `notifications/message`: `data` may be any JSON value. */
export const LoggingMessageNotificationParamsSchema = NotificationParamsSchema.extend({
  level: LoggingLevelSchema,
  logger: z.string().optional(),
  data: z.unknown(),
})
export type LoggingMessageNotificationParams = z.infer<
  typeof LoggingMessageNotificationParamsSchema
>

/** `notifications/message`: a log message. */
export const LoggingMessageNotificationSchema = notificationSchema(
  'notifications/message',
  LoggingMessageNotificationParamsSchema,
)
export type LoggingMessageNotification = z.infer<typeof LoggingMessageNotificationSchema>
