/**
 * Completion in 2025-03-26: no `context` of already-resolved arguments, and a resource template
 * is named by a `ResourceReference` (renamed `ResourceTemplateReference` in 2025-06-18).
 * @see https://modelcontextprotocol.io/specification/2025-03-26/server/utilities/completion
 * @module
 */
import { z } from 'zod'
import { ResourceTemplateReferenceSchema } from '../2025-11-25/completion.js'
import * as v2025_06_18 from '../2025-06-18/completion.js'
import { PromptReferenceSchema } from './prompts.js'

/** Names a resource template, for completion. */
export const ResourceReferenceSchema = ResourceTemplateReferenceSchema
export type ResourceReference = z.infer<typeof ResourceReferenceSchema>

const params = v2025_06_18.CompleteRequestSchema.shape.params

/** `completion/complete`: asks for values an argument could take. */
export const CompleteRequestSchema = v2025_06_18.CompleteRequestSchema.extend({
  params: params.omit({ context: true }).extend({
    ref: z.union([PromptReferenceSchema, ResourceReferenceSchema]),
  }),
})
export type CompleteRequest = z.infer<typeof CompleteRequestSchema>
