/**
 * What each side sends in 2026-07-28. A client sends requests and `notifications/cancelled`; a
 * server sends results and notifications. There is no `ServerRequest`: what a server needs from
 * the client travels inside an `InputRequiredResult`.
 * @module
 */
import { z } from 'zod'
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

/** Every request a client sends. */
export const ClientRequestSchema = z.discriminatedUnion('method', [
  DiscoverRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ReadResourceRequestSchema,
  SubscriptionsListenRequestSchema,
  ListPromptsRequestSchema,
  GetPromptRequestSchema,
  ListToolsRequestSchema,
  CallToolRequestSchema,
  CompleteRequestSchema,
])
export type ClientRequest = z.infer<typeof ClientRequestSchema>

/** The one notification a client sends: `notifications/cancelled` (on stdio). */
export const ClientNotificationSchema = CancelledNotificationSchema
export type ClientNotification = z.infer<typeof ClientNotificationSchema>

/**
 * What a client answers with: any result. A client sends no JSON-RPC responses in 2026-07-28,
 * so the schema keeps only the generic shape.
 */
export const ClientResultSchema = ResultSchema
export type ClientResult = z.infer<typeof ClientResultSchema>

/** Every notification a server sends. */
export const ServerNotificationSchema = z.discriminatedUnion('method', [
  CancelledNotificationSchema,
  ProgressNotificationSchema,
  ResourceListChangedNotificationSchema,
  SubscriptionsAcknowledgedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  PromptListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
  LoggingMessageNotificationSchema,
])
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
