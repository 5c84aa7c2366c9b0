/**
 * Prompts: message templates a server offers to the user.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/server/prompts
 * @module
 */
import { z } from 'zod'
import {
  IconSchema,
  MetaSchema,
  NotificationParamsSchema,
  PaginatedRequestParamsSchema,
  PaginatedResultSchema,
  RequestParamsSchema,
  ResultSchema,
  RoleSchema,
} from './base.js'
import { ContentBlockSchema } from './content.js'
import { notificationSchema, requestSchema } from './jsonrpc.js'

/** An argument a prompt template accepts. */
export const PromptArgumentSchema = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  required: z.boolean().optional(),
})
export type PromptArgument = z.infer<typeof PromptArgumentSchema>

/** A prompt or prompt template the server offers. */
export const PromptSchema = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  arguments: z.array(PromptArgumentSchema).optional(),
  icons: z.array(IconSchema).optional(),
  _meta: MetaSchema.optional(),
})
export type Prompt = z.infer<typeof PromptSchema>

/** One message of a prompt. */
export const PromptMessageSchema = z.looseObject({
  role: RoleSchema,
  content: ContentBlockSchema,
})
export type PromptMessage = z.infer<typeof PromptMessageSchema>

/** Names a prompt, for completion. */
export const PromptReferenceSchema = z.looseObject({
  type: z.literal('ref/prompt'),
  name: z.string(),
  title: z.string().optional(),
})
export type PromptReference = z.infer<typeof PromptReferenceSchema>

/** `prompts/list`: asks for the server's prompts, a page at a time. */
export const ListPromptsRequestSchema = requestSchema(
  'prompts/list',
  PaginatedRequestParamsSchema.optional(),
)
export type ListPromptsRequest = z.infer<typeof ListPromptsRequestSchema>

/** A page of prompts. */
export const ListPromptsResultSchema = PaginatedResultSchema.extend({
  prompts: z.array(PromptSchema),
})
export type ListPromptsResult = z.infer<typeof ListPromptsResultSchema>

/** The params of `prompts/get`. */
export const GetPromptRequestParamsSchema = RequestParamsSchema.extend({
  name: z.string(),
  arguments: z.record(z.string(), z.string()).optional(),
})
export type GetPromptRequestParams = z.infer<typeof GetPromptRequestParamsSchema>

/** `prompts/get`: renders a prompt with its arguments. */
export const GetPromptRequestSchema = requestSchema('prompts/get', GetPromptRequestParamsSchema)
export type GetPromptRequest = z.infer<typeof GetPromptRequestSchema>

/** A rendered prompt. */
export const GetPromptResultSchema = ResultSchema.extend({
  description: z.string().optional(),
  messages: z.array(PromptMessageSchema),
})
export type GetPromptResult = z.infer<typeof GetPromptResultSchema>

/** `notifications/prompts/list_changed`: the list of prompts changed. */
export const PromptListChangedNotificationSchema = notificationSchema(
  'notifications/prompts/list_changed',
  NotificationParamsSchema.optional(),
)
export type PromptListChangedNotification = z.infer<typeof PromptListChangedNotificationSchema>
