/**
 * What each side of 2025-11-25 sends, written once: every request with its result, every
 * notification. The message unions and the method table are both built from these lists.
 * @module
 */
import { z } from 'zod'
import { notificationTable, requestsOf, requestTable } from '../method-table.js'
import type { MethodTable, Revision } from '../revision.js'
import { EmptyResultSchema, ResultSchema } from './base.js'
import { CompleteRequestSchema, CompleteResultSchema } from './completion.js'
import {
  ElicitationCompleteNotificationSchema,
  ElicitRequestSchema,
  ElicitResultSchema,
} from './elicitation.js'
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
  ReadResourceResultSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from './resources.js'
import {
  ListRootsRequestSchema,
  ListRootsResultSchema,
  RootsListChangedNotificationSchema,
} from './roots.js'
import { CreateMessageRequestSchema, CreateMessageResultSchema } from './sampling.js'
import {
  CancelTaskRequestSchema,
  CancelTaskResultSchema,
  CreateTaskResultSchema,
  GetTaskPayloadRequestSchema,
  GetTaskPayloadResultSchema,
  GetTaskRequestSchema,
  GetTaskResultSchema,
  ListTasksRequestSchema,
  ListTasksResultSchema,
  TaskStatusNotificationSchema,
} from './tasks.js'
import {
  CallToolRequestSchema,
  CallToolResultSchema,
  ListToolsRequestSchema,
  ListToolsResultSchema,
  ToolListChangedNotificationSchema,
} from './tools.js'

// Both sides send these. A third schema is the result of a request run as a task.
const ping = [PingRequestSchema, EmptyResultSchema] as const
const tasks = [
  [GetTaskRequestSchema, GetTaskResultSchema],
  [GetTaskPayloadRequestSchema, GetTaskPayloadResultSchema],
  [CancelTaskRequestSchema, CancelTaskResultSchema],
  [ListTasksRequestSchema, ListTasksResultSchema],
] as const

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
  [CallToolRequestSchema, CallToolResultSchema, CreateTaskResultSchema],
  ...tasks,
  [SetLevelRequestSchema, EmptyResultSchema],
  [CompleteRequestSchema, CompleteResultSchema],
] as const

const serverRequests = [
  ping,
  ...tasks,
  [CreateMessageRequestSchema, CreateMessageResultSchema, CreateTaskResultSchema],
  [ListRootsRequestSchema, ListRootsResultSchema],
  [ElicitRequestSchema, ElicitResultSchema, CreateTaskResultSchema],
] as const

const clientNotifications = [
  CancelledNotificationSchema,
  InitializedNotificationSchema,
  ProgressNotificationSchema,
  TaskStatusNotificationSchema,
  RootsListChangedNotificationSchema,
] as const

const serverNotifications = [
  CancelledNotificationSchema,
  ProgressNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  PromptListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
  TaskStatusNotificationSchema,
  LoggingMessageNotificationSchema,
  ElicitationCompleteNotificationSchema,
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
  GetTaskResultSchema,
  GetTaskPayloadResultSchema,
  CancelTaskResultSchema,
  ListTasksResultSchema,
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
  GetTaskResultSchema,
  GetTaskPayloadResultSchema,
  CancelTaskResultSchema,
  ListTasksResultSchema,
  CompleteResultSchema,
])
export type ServerResult = z.infer<typeof ServerResultSchema>

/** Every method of 2025-11-25, by direction. */
export const methods = {
  clientRequests: requestTable(clientRequests),
  serverRequests: requestTable(serverRequests),
  clientNotifications: notificationTable(clientNotifications),
  serverNotifications: notificationTable(serverNotifications),
} satisfies MethodTable

/** 2025-11-25: the newest session-based revision, from which the others are derived. */
export const trunk = {
  version: '2025-11-25',
  era: 'legacy',
  batches: false,
  methods,
} as const satisfies Revision<typeof methods>
