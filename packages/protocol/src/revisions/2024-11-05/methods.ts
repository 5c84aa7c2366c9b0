/**
 * The 2024-11-05 method table: that of 2025-03-26, with the results and params that differ in
 * this revision (no audio, tool annotations, completions capability or progress message).
 * @module
 */
import * as v2025_03_26 from '../2025-03-26/methods.js'
import type { MethodTable, Revision } from '../revision.js'
import { InitializeResultSchema } from './lifecycle.js'
import { ProgressNotificationSchema } from './notifications.js'
import { GetPromptResultSchema } from './prompts.js'
import { CreateMessageRequestSchema, CreateMessageResultSchema } from './sampling.js'
import { CallToolResultSchema, ListToolsResultSchema } from './tools.js'

const newer = v2025_03_26.methods
const progress = { 'notifications/progress': ProgressNotificationSchema.shape.params }

/** Every method of 2024-11-05, by direction. */
export const methods = {
  clientRequests: {
    ...newer.clientRequests,
    initialize: { ...newer.clientRequests.initialize, result: InitializeResultSchema },
    'prompts/get': { ...newer.clientRequests['prompts/get'], result: GetPromptResultSchema },
    'tools/list': { ...newer.clientRequests['tools/list'], result: ListToolsResultSchema },
    'tools/call': { ...newer.clientRequests['tools/call'], result: CallToolResultSchema },
  },
  serverRequests: {
    ...newer.serverRequests,
    'sampling/createMessage': {
      params: CreateMessageRequestSchema.shape.params,
      result: CreateMessageResultSchema,
    },
  },
  clientNotifications: { ...newer.clientNotifications, ...progress },
  serverNotifications: { ...newer.serverNotifications, ...progress },
} satisfies MethodTable

/** 2024-11-05: the first revision, and the one of the HTTP+SSE transport. */
export const revision2024_11_05 = {
  version: '2024-11-05',
  era: 'legacy',
  batches: false,
  methods,
} as const satisfies Revision<typeof methods>
