/**
 * Every request, notification and result of 2024-11-05, grouped by the side that sends it: those
 * of 2025-03-26 with this revision's sampling, progress and results. Client requests are the same.
 * @module
 */
import { z } from 'zod'
import { ResultSchema } from '../2025-11-25/base.js'
import { CompleteResultSchema } from '../2025-11-25/completion.js'
import { InitializedNotificationSchema, PingRequestSchema } from '../2025-06-18/lifecycle.js'
import { LoggingMessageNotificationSchema } from '../2025-06-18/logging.js'
import { CancelledNotificationSchema } from '../2025-06-18/notifications.js'
import { PromptListChangedNotificationSchema } from '../2025-06-18/prompts.js'
import {
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from '../2025-06-18/resources.js'
import { ListRootsRequestSchema, RootsListChangedNotificationSchema } from '../2025-06-18/roots.js'
import { ToolListChangedNotificationSchema } from '../2025-06-18/tools.js'
import { ListPromptsResultSchema } from '../2025-03-26/prompts.js'
import {
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ReadResourceResultSchema,
} from '../2025-03-26/resources.js'
import { ListRootsResultSchema } from '../2025-03-26/roots.js'
import { InitializeResultSchema } from './lifecycle.js'
import { ProgressNotificationSchema } from './notifications.js'
import { GetPromptResultSchema } from './prompts.js'
import { CreateMessageRequestSchema, CreateMessageResultSchema } from './sampling.js'
import { CallToolResultSchema, ListToolsResultSchema } from './tools.js'

/** Every notification a client sends. */
export const ClientNotificationSchema = z.discriminatedUnion('method', [
  CancelledNotificationSchema,
  InitializedNotificationSchema,
  ProgressNotificationSchema,
  RootsListChangedNotificationSchema,
])
export type ClientNotification = z.infer<typeof ClientNotificationSchema>

/**
 * Every result a client sends. Results carry no method, so this accepts any object: match a
 * result to its request's method (see the method table) to check it.
 */
export const ClientResultSchema = z.union([
  ResultSchema,
  CreateMessageResultSchema,
  ListRootsResultSchema,
])
export type ClientResult = z.infer<typeof ClientResultSchema>

/** Every request a server sends. */
export const ServerRequestSchema = z.discriminatedUnion('method', [
  PingRequestSchema,
  CreateMessageRequestSchema,
  ListRootsRequestSchema,
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
  LoggingMessageNotificationSchema,
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
  CompleteResultSchema,
])
export type ServerResult = z.infer<typeof ServerResultSchema>
