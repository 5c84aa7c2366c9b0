/**
 * What each side of 2025-03-26 sends, written once: every request with its result. Those of
 * 2025-06-18 without elicitation, with the params and results of this revision; the
 * notifications are those of 2025-06-18. The message unions and the method table are both built
 * from these lists.
 * @module
 */
import { z } from 'zod'
import { EmptyResultSchema, ResultSchema } from '../2025-11-25/base.js'
import { CompleteResultSchema } from '../2025-11-25/completion.js'
import { PingRequestSchema } from '../2025-06-18/lifecycle.js'
import { SetLevelRequestSchema } from '../2025-06-18/logging.js'
import * as v2025_06_18 from '../2025-06-18/methods.js'
import { GetPromptRequestSchema, ListPromptsRequestSchema } from '../2025-06-18/prompts.js'
import {
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from '../2025-06-18/resources.js'
import { ListRootsRequestSchema } from '../2025-06-18/roots.js'
import { CallToolRequestSchema, ListToolsRequestSchema } from '../2025-06-18/tools.js'
import { requestsOf, requestTable } from '../method-table.js'
import type { MethodTable, Revision } from '../revision.js'
import { CompleteRequestSchema } from './completion.js'
import { InitializeRequestSchema, InitializeResultSchema } from './lifecycle.js'
import { GetPromptResultSchema, ListPromptsResultSchema } from './prompts.js'
import {
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ReadResourceResultSchema,
} from './resources.js'
import { ListRootsResultSchema } from './roots.js'
import { CreateMessageRequestSchema, CreateMessageResultSchema } from './sampling.js'
import { CallToolResultSchema, ListToolsResultSchema } from './tools.js'

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
] as const

/** Every request a client sends. */
export const ClientRequestSchema = z.discriminatedUnion('method', requestsOf(clientRequests))
export type ClientRequest = z.infer<typeof ClientRequestSchema>

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

/** Every method of 2025-03-26, by direction. */
export const methods = {
  clientRequests: requestTable(clientRequests),
  serverRequests: requestTable(serverRequests),
  clientNotifications: v2025_06_18.methods.clientNotifications,
  serverNotifications: v2025_06_18.methods.serverNotifications,
} satisfies MethodTable

/** 2025-03-26: audio, tool annotations, completions and JSON-RPC batches. */
export const revision2025_03_26 = {
  version: '2025-03-26',
  era: 'legacy',
  batches: true,
  methods,
} as const satisfies Revision<typeof methods>
