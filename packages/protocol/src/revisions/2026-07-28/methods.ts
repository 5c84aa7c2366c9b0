/**
 * What each side of 2026-07-28 sends, written once: every request with its result, every
 * notification. The message unions and the method table are both built from these lists.
 *
 * A client sends requests and `notifications/cancelled`; a server sends results and
 * notifications. There are no server-to-client requests on the wire in this revision, so there
 * is no `ServerRequest` and `serverRequests` is empty by type: what a server needs from the
 * client (sampling, elicitation, roots) travels inside an `InputRequiredResult`, whose embedded
 * requests `inputRequests` describes.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
 * @module
 */
import { z } from 'zod'
import { notificationTable, requestsOf, requestTable } from '../method-table.js'
import type { MethodTable, Revision } from '../revision.js'
import { ResultSchema } from './base.js'
import { CompleteRequestSchema, CompleteResultSchema } from './completion.js'
import { DiscoverRequestSchema, DiscoverResultSchema } from './discover.js'
import { InputRequiredResultSchema } from './mrtr.js'
import {
  CancelledNotificationSchema,
  LoggingMessageNotificationSchema,
  ProgressNotificationSchema,
} from './notifications.js'
import {
  GetPromptRequestSchema,
  GetPromptResultSchema,
  ListPromptsRequestSchema,
  ListPromptsResultSchema,
  PromptListChangedNotificationSchema,
} from './prompts.js'
import {
  ListResourcesRequestSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesRequestSchema,
  ListResourceTemplatesResultSchema,
  ReadResourceRequestSchema,
  ReadResourceResultSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from './resources.js'
import {
  SubscriptionsAcknowledgedNotificationSchema,
  SubscriptionsListenRequestSchema,
  SubscriptionsListenResultSchema,
} from './subscriptions.js'
import {
  CallToolRequestSchema,
  CallToolResultSchema,
  ListToolsRequestSchema,
  ListToolsResultSchema,
  ToolListChangedNotificationSchema,
} from './tools.js'

/**
 * The result of `tools/call`, `prompts/get` and `resources/read`: an `InputRequiredResult` when
 * `resultType` is `"input_required"`, the complete result otherwise. Stricter than the spec's
 * `*ResultResponse` unions, under which any result passes as an `InputRequiredResult` (its
 * members are all optional and its `resultType` is any string): a `resources/read` result
 * without `ttlMs` would pass there, and does not here.
 */
function completeOrInputRequired<Complete extends z.ZodType>(complete: Complete) {
  return z.union([
    InputRequiredResultSchema.extend({ resultType: z.literal('input_required') }),
    complete,
  ])
}

const clientRequests = [
  [DiscoverRequestSchema, DiscoverResultSchema],
  [ListResourcesRequestSchema, ListResourcesResultSchema],
  [ListResourceTemplatesRequestSchema, ListResourceTemplatesResultSchema],
  [ReadResourceRequestSchema, completeOrInputRequired(ReadResourceResultSchema)],
  [SubscriptionsListenRequestSchema, SubscriptionsListenResultSchema],
  [ListPromptsRequestSchema, ListPromptsResultSchema],
  [GetPromptRequestSchema, completeOrInputRequired(GetPromptResultSchema)],
  [ListToolsRequestSchema, ListToolsResultSchema],
  [CallToolRequestSchema, completeOrInputRequired(CallToolResultSchema)],
  [CompleteRequestSchema, CompleteResultSchema],
] as const

const serverNotifications = [
  // `notifications/cancelled` only ends a `subscriptions/listen` stream, on stdio.
  CancelledNotificationSchema,
  ProgressNotificationSchema,
  ResourceListChangedNotificationSchema,
  SubscriptionsAcknowledgedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  PromptListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
  LoggingMessageNotificationSchema,
] as const

/** Every request a client sends. */
export const ClientRequestSchema = z.discriminatedUnion('method', requestsOf(clientRequests))
export type ClientRequest = z.infer<typeof ClientRequestSchema>

/**
 * The one notification a client sends: `notifications/cancelled`, on stdio only (over HTTP a
 * client cancels by closing the response stream).
 */
export const ClientNotificationSchema = CancelledNotificationSchema
export type ClientNotification = z.infer<typeof ClientNotificationSchema>

/**
 * What a client answers with: any result. A client sends no JSON-RPC responses in 2026-07-28,
 * so the schema keeps only the generic shape.
 */
export const ClientResultSchema = ResultSchema
export type ClientResult = z.infer<typeof ClientResultSchema>

/** Every notification a server sends. */
export const ServerNotificationSchema = z.discriminatedUnion('method', serverNotifications)
export type ServerNotification = z.infer<typeof ServerNotificationSchema>

/** Every result a server sends. */
export const ServerResultSchema = z.union([
  ResultSchema,
  InputRequiredResultSchema,
  DiscoverResultSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ReadResourceResultSchema,
  SubscriptionsListenResultSchema,
  ListPromptsResultSchema,
  GetPromptResultSchema,
  ListToolsResultSchema,
  CallToolResultSchema,
  CompleteResultSchema,
])
export type ServerResult = z.infer<typeof ServerResultSchema>

/** A server sends no JSON-RPC requests in 2026-07-28: every entry is `never` (see `inputRequests`). */
const noServerRequests: Record<string, never> = {}

/** Every method of 2026-07-28, by direction. */
export const methods = {
  clientRequests: requestTable(clientRequests),
  serverRequests: noServerRequests,
  clientNotifications: notificationTable([ClientNotificationSchema]),
  serverNotifications: notificationTable(serverNotifications),
} satisfies MethodTable

/** 2026-07-28: the stateless revision; version, capabilities and client info travel in `_meta`. */
export const revision2026_07_28 = {
  version: '2026-07-28',
  era: 'modern',
  batches: false,
  methods,
} as const satisfies Revision<typeof methods>
