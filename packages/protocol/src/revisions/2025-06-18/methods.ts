/**
 * The 2025-06-18 method table: for each method, the schemas of its params and result.
 * @module
 */
import { EmptyResultSchema } from '../2025-11-25/base.js'
import { CompleteResultSchema } from '../2025-11-25/completion.js'
import { ReadResourceResultSchema } from '../2025-11-25/resources.js'
import { ListRootsResultSchema } from '../2025-11-25/roots.js'
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

// Params come from the request schemas themselves, so the table cannot drift from them.
const ping = { params: PingRequestSchema.shape.params, result: EmptyResultSchema }

/** Every method of 2025-06-18, by direction. */
export const methods = {
  clientRequests: {
    initialize: { params: InitializeRequestSchema.shape.params, result: InitializeResultSchema },
    ping,
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
      result: ReadResourceResultSchema,
    },
    'resources/subscribe': {
      params: SubscribeRequestSchema.shape.params,
      result: EmptyResultSchema,
    },
    'resources/unsubscribe': {
      params: UnsubscribeRequestSchema.shape.params,
      result: EmptyResultSchema,
    },
    'prompts/list': {
      params: ListPromptsRequestSchema.shape.params,
      result: ListPromptsResultSchema,
    },
    'prompts/get': { params: GetPromptRequestSchema.shape.params, result: GetPromptResultSchema },
    'tools/list': { params: ListToolsRequestSchema.shape.params, result: ListToolsResultSchema },
    'tools/call': { params: CallToolRequestSchema.shape.params, result: CallToolResultSchema },
    'logging/setLevel': { params: SetLevelRequestSchema.shape.params, result: EmptyResultSchema },
    'completion/complete': {
      params: CompleteRequestSchema.shape.params,
      result: CompleteResultSchema,
    },
  },
  serverRequests: {
    ping,
    'sampling/createMessage': {
      params: CreateMessageRequestSchema.shape.params,
      result: CreateMessageResultSchema,
    },
    'roots/list': { params: ListRootsRequestSchema.shape.params, result: ListRootsResultSchema },
    'elicitation/create': { params: ElicitRequestSchema.shape.params, result: ElicitResultSchema },
  },
  clientNotifications: {
    'notifications/cancelled': CancelledNotificationSchema.shape.params,
    'notifications/initialized': InitializedNotificationSchema.shape.params,
    'notifications/progress': ProgressNotificationSchema.shape.params,
    'notifications/roots/list_changed': RootsListChangedNotificationSchema.shape.params,
  },
  serverNotifications: {
    'notifications/cancelled': CancelledNotificationSchema.shape.params,
    'notifications/progress': ProgressNotificationSchema.shape.params,
    'notifications/resources/list_changed': ResourceListChangedNotificationSchema.shape.params,
    'notifications/resources/updated': ResourceUpdatedNotificationSchema.shape.params,
    'notifications/prompts/list_changed': PromptListChangedNotificationSchema.shape.params,
    'notifications/tools/list_changed': ToolListChangedNotificationSchema.shape.params,
    'notifications/message': LoggingMessageNotificationSchema.shape.params,
  },
} satisfies MethodTable

/** 2025-06-18: structured tool output, elicitation and resource links; no JSON-RPC batches. */
export const revision2025_06_18 = {
  version: '2025-06-18',
  era: 'legacy',
  batches: false,
  methods,
} as const satisfies Revision<typeof methods>
