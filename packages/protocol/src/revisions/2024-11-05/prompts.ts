/**
 * Prompts in 2024-11-05: messages without audio.
 * @see https://modelcontextprotocol.io/specification/2024-11-05/server/prompts
 * @module
 */
import { z } from 'zod'
import * as v2025_03_26 from '../2025-03-26/prompts.js'
import { ContentSchema } from './content.js'

/** One message of a prompt. */
export const PromptMessageSchema = v2025_03_26.PromptMessageSchema.extend({
  content: ContentSchema,
})
export type PromptMessage = z.infer<typeof PromptMessageSchema>

/** A rendered prompt. */
export const GetPromptResultSchema = v2025_03_26.GetPromptResultSchema.extend({
  messages: z.array(PromptMessageSchema),
})
export type GetPromptResult = z.infer<typeof GetPromptResultSchema>
