/**
 * What each side of 2025-06-18 sends, written once: every request with its result, every
 * notification. The message unions and the method table are both built from these lists; they
 * are the trunk's without tasks and URL elicitation.
 * @module
 */
import { z } from 'zod'
import { EmptyResultSchema, ResultSchema } from '../2025-11-25/base.js'
import { CompleteResultSchema } from '../2025-11-25/completion.js'
import { ReadResourceResultSchema } from '../2025-11-25/resources.js'
import { ListRootsResultSchema } from '../2025-11-25/roots.js'
import { notificationTable, requestsOf, requestTable } from '../method-table.js'
import type { MethodTable, Revision } from '../revision.js'
import { CompleteRequestSchema } from './completion.js'
import { ElicitRequestSchema, ElicitResultSchema } from './elicitation.js'
import {
  InitializedNotificationSchema,
  InitializeRequestSchema,
  InitializeResultSchema,
  PingRequestSchema,
} from './lifecycle.js'
import { LoggingMessageNotificationSchema, SetLevelRequestSchema } from './logging.js'
import { CancelledNotificationSchema, ProgressNotificationSchema } from './notifications.js'
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
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from './resources.js'
import { ListRootsRequestSchema, RootsListChangedNotificationSchema } from './roots.js'
import { CreateMessageRequestSchema, CreateMessageResultSchema } from './sampling.js'
import {
  CallToolRequestSchema,
  CallToolResultSchema,
  ListToolsRequestSchema,
  ListToolsResultSchema,
  ToolListChangedNotificationSchema,
} from './tools.js'

const ping = [PingRequestSchema, EmptyResultSchema] as const

const clientRequests = [
  [InitializeRequestSchema, InitializeResultSchema],
  ping,
  [ListResourcesRequestSchema, ListResourcesResultSchema],
  [ListResourceTemplatesRequestSchema, ListResourceTemplatesResultSchema],
  [ReadResourceRequestSchema, ReadResourceResultSchema],
  [SubscribeRequestSchema, EmptyResultSchema],
  [UnsubscribeRequestSchema, EmptyResultSchema],
  [ListPromptsRequestSchema, ListPromptsResultSchema],
  [GetPromptRequestSchema, GetPromptResultSchema],
  [ListToolsRequestSchema, ListToolsResultSchema],
  [CallToolRequestSchema, CallToolResultSchema],
  [SetLevelRequestSchema, EmptyResultSchema],
  [CompleteRequestSchema, CompleteResultSchema],
] as const

const serverRequests = [
  ping,
  [CreateMessageRequestSchema, CreateMessageResultSchema],
  [ListRootsRequestSchema, ListRootsResultSchema],
  [ElicitRequestSchema, ElicitResultSchema],
] as const

const clientNotifications = [
  CancelledNotificationSchema,
  InitializedNotificationSchema,
  ProgressNotificationSchema,
  RootsListChangedNotificationSchema,
] as const

const serverNotifications = [
  CancelledNotificationSchema,
  ProgressNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  PromptListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
  LoggingMessageNotificationSchema,
] as const

/** Every request a client sends. */
export const ClientRequestSchema = z.discriminatedUnion('method', requestsOf(clientRequests))
export type ClientRequest = z.infer<typeof ClientRequestSchema>

/** Every notification a client sends. */
export const ClientNotificationSchema = z.discriminatedUnion('method', clientNotifications)
export type ClientNotification = z.infer<typeof ClientNotificationSchema>

/**
 * Every result a client sends. Results carry no method, so this accepts any object: match a
 * result to its request's method (see the method table) to check it.
 */
export const ClientResultSchema = z.union([
  ResultSchema,
  CreateMessageResultSchema,
  ListRootsResultSchema,
  ElicitResultSchema,
])
export type ClientResult = z.infer<typeof ClientResultSchema>

/** Every request a server sends. */
export const ServerRequestSchema = z.discriminatedUnion('method', requestsOf(serverRequests))
export type ServerRequest = z.infer<typeof ServerRequestSchema>

/** Every notification a server sends. */
export const ServerNotificationSchema = z.discriminatedUnion('method', serverNotifications)
export type ServerNotification = z.infer<typeof ServerNotificationSchema>

/** Every result a server sends; like {@link ClientResultSchema}, it accepts any object. */
export const ServerResultSchema = z.union([
  ResultSchema,
  InitializeResultSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ReadResourceResultSchema,
  ListPromptsResultSchema,
  GetPromptResultSchema,
  ListToolsResultSchema,
  CallToolResultSchema,
  CompleteResultSchema,
])
export type ServerResult = z.infer<typeof ServerResultSchema>

/** Every method of 2025-06-18, by direction. */
export const methods = {
  clientRequests: requestTable(clientRequests),
  serverRequests: requestTable(serverRequests),
  clientNotifications: notificationTable(clientNotifications),
  serverNotifications: notificationTable(serverNotifications),
} satisfies MethodTable

/** 2025-06-18: structured tool output, elicitation and resource links; no JSON-RPC batches. */
export const revision2025_06_18 = {
  version: '2025-06-18',
  era: 'legacy',
  batches: false,
  methods,
} as const satisfies Revision<typeof methods>
