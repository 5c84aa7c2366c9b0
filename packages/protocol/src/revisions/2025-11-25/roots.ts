/**
 * Roots: the directories and files a client lets a server work in.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/client/roots
 * @module
 */
import { z } from 'zod'
import { MetaSchema, NotificationParamsSchema, RequestParamsSchema, ResultSchema } from './base.js'
import { notificationSchema, requestSchema } from './jsonrpc.js'

/** A root; its `uri` is a `file://` URI in this revision. */
export const RootSchema = z.looseObject({
  uri: z.string(),
  name: z.string().optional(),
  _meta: MetaSchema.optional(),
})
export type Root = z.infer<typeof RootSchema>

/** `roots/list`: the server asks for the client's roots. */
export const ListRootsRequestSchema = requestSchema('roots/list', RequestParamsSchema.optional())
export type ListRootsRequest = z.infer<typeof ListRootsRequestSchema>

/** The client's roots. */
export const ListRootsResultSchema = ResultSchema.extend({
  roots: z.array(RootSchema),
})
export type ListRootsResult = z.infer<typeof ListRootsResultSchema>

/** `notifications/roots/list_changed`: the client's roots changed. */
export const RootsListChangedNotificationSchema = notificationSchema(
  'notifications/roots/list_changed',
  NotificationParamsSchema.optional(),
)
export type RootsListChangedNotification = z.infer<typeof RootsListChangedNotificationSchema>
