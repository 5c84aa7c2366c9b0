/**
 * Prompts in 2025-03-26: no `title` or `_meta`, and messages without resource links.
 * @see https://modelcontextprotocol.io/specification/2025-03-26/server/prompts
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/prompts.js'
import * as v2025_06_18 from '../2025-06-18/prompts.js'
import { ContentSchema } from './content.js'

/** An argument a prompt template accepts. */
export const PromptArgumentSchema = trunk.PromptArgumentSchema.omit({ title: true })
export type PromptArgument = z.infer<typeof PromptArgumentSchema>

/** A prompt or prompt template the server offers. */
export const PromptSchema = v2025_06_18.PromptSchema.omit({ _meta: true, title: true }).extend({
  arguments: z.array(PromptArgumentSchema).optional(),
})
export type Prompt = z.infer<typeof PromptSchema>

/** One message of a prompt. */
export const PromptMessageSchema = v2025_06_18.PromptMessageSchema.extend({
  content: ContentSchema,
})
export type PromptMessage = z.infer<typeof PromptMessageSchema>

/** Names a prompt, for completion. */
export const PromptReferenceSchema = trunk.PromptReferenceSchema.omit({ title: true })
export type PromptReference = z.infer<typeof PromptReferenceSchema>

/** A page of prompts. */
export const ListPromptsResultSchema = v2025_06_18.ListPromptsResultSchema.extend({
  prompts: z.array(PromptSchema),
})
export type ListPromptsResult = z.infer<typeof ListPromptsResultSchema>

/** A rendered prompt. */
export const GetPromptResultSchema = v2025_06_18.GetPromptResultSchema.extend({
  messages: z.array(PromptMessageSchema),
})
export type GetPromptResult = z.infer<typeof GetPromptResultSchema>
