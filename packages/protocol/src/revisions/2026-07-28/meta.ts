/**
 * `_meta` in 2026-07-28: with the `initialize` handshake gone, every request carries its protocol
 * version and the client's capabilities here, every result may name the server, and every
 * notification on a `subscriptions/listen` stream names its subscription.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#_meta
 * @module
 */
import { z } from 'zod'
import { META_KEYS } from '../../negotiation/meta-keys.js'
import * as trunk from '../2025-11-25/index.js'
import { ClientCapabilitiesSchema } from './capabilities.js'

/** A `_meta` object: any JSON object; certain keys are reserved by MCP. */
export const MetaObjectSchema = z.record(z.string(), z.unknown())
export type MetaObject = z.infer<typeof MetaObjectSchema>

/**
 * The `_meta` of every request's params. `protocolVersion` and `clientCapabilities` are required:
 * the server learns both from each request, never from an earlier one. A request without them
 * is malformed (`-32602`, HTTP 400).
 */
export const RequestMetaObjectSchema = z.looseObject({
  progressToken: trunk.ProgressTokenSchema.optional(),
  [META_KEYS.protocolVersion]: z.string(),
  [META_KEYS.clientCapabilities]: ClientCapabilitiesSchema,
  [META_KEYS.clientInfo]: trunk.ImplementationSchema.optional(),
  /** Opts this request into `notifications/message` at or above this level (deprecated feature). */
  [META_KEYS.logLevel]: trunk.LoggingLevelSchema.optional(),
})
export type RequestMetaObject = z.infer<typeof RequestMetaObjectSchema>

/** The `_meta` of a result: the server SHOULD name itself in `serverInfo`. */
export const ResultMetaObjectSchema = z.looseObject({
  [META_KEYS.serverInfo]: trunk.ImplementationSchema.optional(),
})
export type ResultMetaObject = z.infer<typeof ResultMetaObjectSchema>

/**
 * The `_meta` of a notification: `subscriptionId` is present exactly on notifications delivered
 * on a `subscriptions/listen` stream, and is that request's JSON-RPC id.
 */
export const NotificationMetaObjectSchema = z.looseObject({
  [META_KEYS.subscriptionId]: trunk.RequestIdSchema.optional(),
})
export type NotificationMetaObject = z.infer<typeof NotificationMetaObjectSchema>

/** The `_meta` of the result that ends a `subscriptions/listen` stream gracefully. */
export const SubscriptionsListenResultMetaObjectSchema = ResultMetaObjectSchema.extend({
  [META_KEYS.subscriptionId]: trunk.RequestIdSchema,
})
export type SubscriptionsListenResultMetaObject = z.infer<
  typeof SubscriptionsListenResultMetaObjectSchema
>
