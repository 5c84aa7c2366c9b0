/**
 * Prompts in 2025-06-18: no icons, and requests without the JSON-RPC envelope.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/server/prompts
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/prompts.js'
import { ContentBlockSchema } from './content.js'
import {
  NOTIFICATION_ENVELOPE,
  PaginatedParamsSchema,
  PARAMS_META,
  REQUEST_ENVELOPE,
} from './jsonrpc.js'

/** A prompt or prompt template the server offers. */
export const PromptSchema = trunk.PromptSchema.omit({ icons: true })
export type Prompt = z.infer<typeof PromptSchema>

/** One message of a prompt. */
export const PromptMessageSchema = trunk.PromptMessageSchema.extend({
  content: ContentBlockSchema,
})
export type PromptMessage = z.infer<typeof PromptMessageSchema>

/** `prompts/list`: asks for the server's prompts, a page at a time. */
export const ListPromptsRequestSchema = trunk.ListPromptsRequestSchema.omit(
  REQUEST_ENVELOPE,
).extend({ params: PaginatedParamsSchema.optional() })
export type ListPromptsRequest = z.infer<typeof ListPromptsRequestSchema>

/** A page of prompts. */
export const ListPromptsResultSchema = trunk.ListPromptsResultSchema.extend({
  prompts: z.array(PromptSchema),
})
export type ListPromptsResult = z.infer<typeof ListPromptsResultSchema>

/** `prompts/get`: renders a prompt with its arguments. */
export const GetPromptRequestSchema = trunk.GetPromptRequestSchema.omit(REQUEST_ENVELOPE).extend({
  params: trunk.GetPromptRequestParamsSchema.omit(PARAMS_META),
})
export type GetPromptRequest = z.infer<typeof GetPromptRequestSchema>

/** A rendered prompt. */
export const GetPromptResultSchema = trunk.GetPromptResultSchema.extend({
  messages: z.array(PromptMessageSchema),
})
export type GetPromptResult = z.infer<typeof GetPromptResultSchema>

/** `notifications/prompts/list_changed`: the list of prompts changed. */
export const PromptListChangedNotificationSchema =
  trunk.PromptListChangedNotificationSchema.omit(NOTIFICATION_ENVELOPE)
export type PromptListChangedNotification = z.infer<typeof PromptListChangedNotificationSchema>
