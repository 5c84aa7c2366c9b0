/**
 * What each side of 2024-11-05 sends, written once. The client sends the requests of 2025-03-26
 * (the same definitions, so the same `ClientRequest`), answered with this revision's results:
 * no audio, tool annotations or completions capability. The server's sampling request and both
 * sides' progress notification (no `message`) are this revision's own. The message unions and
 * the method table are both built from these lists.
 * @module
 */
import { z } from 'zod'
import { EmptyResultSchema, ResultSchema } from '../2025-11-25/base.js'
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
import * as v2025_03_26 from '../2025-03-26/methods.js'
import { ListPromptsResultSchema } from '../2025-03-26/prompts.js'
import {
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ReadResourceResultSchema,
} from '../2025-03-26/resources.js'
import { ListRootsResultSchema } from '../2025-03-26/roots.js'
import { notificationTable, requestsOf, requestTable } from '../method-table.js'
import type { MethodTable, Revision } from '../revision.js'
import { InitializeResultSchema } from './lifecycle.js'
import { ProgressNotificationSchema } from './notifications.js'
import { GetPromptResultSchema } from './prompts.js'
import { CreateMessageRequestSchema, CreateMessageResultSchema } from './sampling.js'
import { CallToolResultSchema, ListToolsResultSchema } from './tools.js'

const serverRequests = [
  [PingRequestSchema, EmptyResultSchema],
  [CreateMessageRequestSchema, CreateMessageResultSchema],
  [ListRootsRequestSchema, ListRootsResultSchema],
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

// The client's requests are those of 2025-03-26; only these results differ.
const newer = v2025_03_26.methods.clientRequests

/** Every method of 2024-11-05, by direction. */
export const methods = {
  clientRequests: {
    ...newer,
    initialize: { ...newer.initialize, result: InitializeResultSchema },
    'prompts/get': { ...newer['prompts/get'], result: GetPromptResultSchema },
    'tools/list': { ...newer['tools/list'], result: ListToolsResultSchema },
    'tools/call': { ...newer['tools/call'], result: CallToolResultSchema },
  },
  serverRequests: requestTable(serverRequests),
  clientNotifications: notificationTable(clientNotifications),
  serverNotifications: notificationTable(serverNotifications),
} satisfies MethodTable

/** 2024-11-05: the first revision, and the one of the HTTP+SSE transport. */
export const revision2024_11_05 = {
  version: '2024-11-05',
  era: 'legacy',
  batches: false,
  methods,
} as const satisfies Revision<typeof methods>
