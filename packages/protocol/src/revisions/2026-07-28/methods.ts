/**
 * The 2026-07-28 method table: for each method, the schemas of its params and result.
 *
 * There are no server-to-client requests on the wire in this revision: `serverRequests` is empty
 * by type. What a server needs from the client (sampling, elicitation, roots) travels inside an
 * `InputRequiredResult`; {@link inputRequests} holds the schemas of those embedded requests.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
 * @module
 */
import { z } from 'zod'
import type { MethodTable, RequestMethodSchemas, Revision } from '../revision.js'
import { CompleteRequestSchema, CompleteResultSchema } from './completion.js'
import { DiscoverRequestSchema, DiscoverResultSchema } from './discover.js'
import { ElicitRequestSchema, ElicitResultSchema } from './elicitation.js'
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
import { InputRequiredResultSchema } from './mrtr.js'
import { ListRootsRequestSchema, ListRootsResultSchema } from './roots.js'
import { CreateMessageRequestSchema, CreateMessageResultSchema } from './sampling.js'
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

// Params come from the request schemas themselves, so the table cannot drift from them.

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

/** A server sends no JSON-RPC requests in 2026-07-28: every entry is `never` (see `inputRequests`). */
const noServerRequests: Record<string, never> = {}

/** Every method of 2026-07-28, by direction. */
export const methods = {
  clientRequests: {
    'server/discover': {
      params: DiscoverRequestSchema.shape.params,
      result: DiscoverResultSchema,
    },
    'resources/list': {
      params: ListResourcesRequestSchema.shape.params,
      result: ListResourcesResultSchema,
    },
    'resources/templates/list': {
      params: ListResourceTemplatesRequestSchema.shape.params,
      result: ListResourceTemplatesResultSchema,
    },
    'resources/read': {
      params: ReadResourceRequestSchema.shape.params,
      result: completeOrInputRequired(ReadResourceResultSchema),
    },
    'subscriptions/listen': {
      params: SubscriptionsListenRequestSchema.shape.params,
      result: SubscriptionsListenResultSchema,
    },
    'prompts/list': {
      params: ListPromptsRequestSchema.shape.params,
      result: ListPromptsResultSchema,
    },
    'prompts/get': {
      params: GetPromptRequestSchema.shape.params,
      result: completeOrInputRequired(GetPromptResultSchema),
    },
    'tools/list': { params: ListToolsRequestSchema.shape.params, result: ListToolsResultSchema },
    'tools/call': {
      params: CallToolRequestSchema.shape.params,
      result: completeOrInputRequired(CallToolResultSchema),
    },
    'completion/complete': {
      params: CompleteRequestSchema.shape.params,
      result: CompleteResultSchema,
    },
  },
  serverRequests: noServerRequests,
  clientNotifications: {
    // On stdio only: over HTTP a client cancels by closing the response stream.
    'notifications/cancelled': CancelledNotificationSchema.shape.params,
  },
  serverNotifications: {
    // Only to end a `subscriptions/listen` stream on stdio.
    'notifications/cancelled': CancelledNotificationSchema.shape.params,
    'notifications/progress': ProgressNotificationSchema.shape.params,
    'notifications/message': LoggingMessageNotificationSchema.shape.params,
    'notifications/subscriptions/acknowledged':
      SubscriptionsAcknowledgedNotificationSchema.shape.params,
    'notifications/resources/list_changed': ResourceListChangedNotificationSchema.shape.params,
    'notifications/resources/updated': ResourceUpdatedNotificationSchema.shape.params,
    'notifications/prompts/list_changed': PromptListChangedNotificationSchema.shape.params,
    'notifications/tools/list_changed': ToolListChangedNotificationSchema.shape.params,
  },
} satisfies MethodTable

/**
 * The requests a server may embed in `InputRequiredResult.inputRequests`, by method: the params
 * the server sends and the result the client puts in `inputResponses` under the same key.
 *
 * @example
 * ```ts
 * for (const [key, request] of Object.entries(result.inputRequests ?? {})) {
 *   const answer = await fulfil(request) // sampling, elicitation or roots
 *   inputResponses[key] = inputRequests[request.method].result.parse(answer)
 * }
 * ```
 */
export const inputRequests = {
  'sampling/createMessage': {
    params: CreateMessageRequestSchema.shape.params,
    result: CreateMessageResultSchema,
  },
  'roots/list': { params: ListRootsRequestSchema.shape.params, result: ListRootsResultSchema },
  'elicitation/create': {
    params: ElicitRequestSchema.shape.params,
    result: ElicitResultSchema,
  },
} satisfies Record<string, RequestMethodSchemas>

/** 2026-07-28: the stateless revision; version, capabilities and client info travel in `_meta`. */
export const revision2026_07_28 = {
  version: '2026-07-28',
  era: 'modern',
  batches: false,
  methods,
} as const satisfies Revision<typeof methods>
