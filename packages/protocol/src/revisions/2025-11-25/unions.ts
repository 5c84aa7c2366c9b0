/**
 * Every request, notification and result, grouped by the side that sends it.
 * @module
 */
import { z } from 'zod'
import { ResultSchema } from './base.js'
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

/** Every request a client sends. */
export const ClientRequestSchema = z.discriminatedUnion('method', [
  InitializeRequestSchema,
  PingRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  ListPromptsRequestSchema,
  GetPromptRequestSchema,
  ListToolsRequestSchema,
  CallToolRequestSchema,
  GetTaskRequestSchema,
  GetTaskPayloadRequestSchema,
  CancelTaskRequestSchema,
  ListTasksRequestSchema,
  SetLevelRequestSchema,
  CompleteRequestSchema,
])
export type ClientRequest = z.infer<typeof ClientRequestSchema>

/** Every notification a client sends. */
export const ClientNotificationSchema = z.discriminatedUnion('method', [
  CancelledNotificationSchema,
  InitializedNotificationSchema,
  ProgressNotificationSchema,
  TaskStatusNotificationSchema,
  RootsListChangedNotificationSchema,
])
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
export const ServerRequestSchema = z.discriminatedUnion('method', [
  PingRequestSchema,
  GetTaskRequestSchema,
  GetTaskPayloadRequestSchema,
  CancelTaskRequestSchema,
  ListTasksRequestSchema,
  CreateMessageRequestSchema,
  ListRootsRequestSchema,
  ElicitRequestSchema,
])
export type ServerRequest = z.infer<typeof ServerRequestSchema>

/** Every notification a server sends. */
export const ServerNotificationSchema = z.discriminatedUnion('method', [
  CancelledNotificationSchema,
  ProgressNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  PromptListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
  TaskStatusNotificationSchema,
  LoggingMessageNotificationSchema,
  ElicitationCompleteNotificationSchema,
])
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
