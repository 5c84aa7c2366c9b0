/**
 * Every request, notification and result of 2025-03-26, grouped by the side that sends it: those
 * of 2025-06-18 without elicitation, with this revision's results. The notifications are the same.
 * @module
 */
import { z } from 'zod'
import { ResultSchema } from '../2025-11-25/base.js'
import { CompleteResultSchema } from '../2025-11-25/completion.js'
import { PingRequestSchema } from '../2025-06-18/lifecycle.js'
import { SetLevelRequestSchema } from '../2025-06-18/logging.js'
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
  SetLevelRequestSchema,
  CompleteRequestSchema,
])
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
export const ServerRequestSchema = z.discriminatedUnion('method', [
  PingRequestSchema,
  CreateMessageRequestSchema,
  ListRootsRequestSchema,
])
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
