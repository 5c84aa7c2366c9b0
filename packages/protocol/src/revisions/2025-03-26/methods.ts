/**
 * The 2025-03-26 method table: that of 2025-06-18 without elicitation, with the results and
 * params that differ in this revision.
 * @module
 */
import * as v2025_06_18 from '../2025-06-18/methods.js'
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

const newer = v2025_06_18.methods
const { 'elicitation/create': _elicitation, ...serverRequests } = newer.serverRequests

/** Every method of 2025-03-26, by direction. */
export const methods = {
  clientRequests: {
    ...newer.clientRequests,
    initialize: { params: InitializeRequestSchema.shape.params, result: InitializeResultSchema },
    'resources/list': {
      ...newer.clientRequests['resources/list'],
      result: ListResourcesResultSchema,
    },
    'resources/templates/list': {
      ...newer.clientRequests['resources/templates/list'],
      result: ListResourceTemplatesResultSchema,
    },
    'resources/read': {
      ...newer.clientRequests['resources/read'],
      result: ReadResourceResultSchema,
    },
    'prompts/list': { ...newer.clientRequests['prompts/list'], result: ListPromptsResultSchema },
    'prompts/get': { ...newer.clientRequests['prompts/get'], result: GetPromptResultSchema },
    'tools/list': { ...newer.clientRequests['tools/list'], result: ListToolsResultSchema },
    'tools/call': { ...newer.clientRequests['tools/call'], result: CallToolResultSchema },
    'completion/complete': {
      ...newer.clientRequests['completion/complete'],
      params: CompleteRequestSchema.shape.params,
    },
  },
  serverRequests: {
    ...serverRequests,
    'sampling/createMessage': {
      params: CreateMessageRequestSchema.shape.params,
      result: CreateMessageResultSchema,
    },
    'roots/list': { ...serverRequests['roots/list'], result: ListRootsResultSchema },
  },
  clientNotifications: newer.clientNotifications,
  serverNotifications: newer.serverNotifications,
} satisfies MethodTable

/** 2025-03-26: audio, tool annotations, completions and JSON-RPC batches. */
export const revision2025_03_26 = {
  version: '2025-03-26',
  era: 'legacy',
  batches: true,
  methods,
} as const satisfies Revision<typeof methods>
