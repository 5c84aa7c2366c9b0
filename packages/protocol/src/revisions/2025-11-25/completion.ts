/**
 * Completion: argument suggestions for prompts and resource templates.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/completion
 * @module
 */
import { z } from 'zod'
import { RequestParamsSchema, ResultSchema } from './base.js'
import { requestSchema } from './jsonrpc.js'
import { PromptReferenceSchema } from './prompts.js'

/** Names a resource template, for completion. */
export const ResourceTemplateReferenceSchema = z.looseObject({
  type: z.literal('ref/resource'),
  uri: z.string(),
})
export type ResourceTemplateReference = z.infer<typeof ResourceTemplateReferenceSchema>

/** The params of `completion/complete`. */
export const CompleteRequestParamsSchema = RequestParamsSchema.extend({
  ref: z.union([PromptReferenceSchema, ResourceTemplateReferenceSchema]),
  argument: z.looseObject({ name: z.string(), value: z.string() }),
  context: z.looseObject({ arguments: z.record(z.string(), z.string()).optional() }).optional(),
})
export type CompleteRequestParams = z.infer<typeof CompleteRequestParamsSchema>

/** `completion/complete`: asks for values an argument could take. */
export const CompleteRequestSchema = requestSchema(
  'completion/complete',
  CompleteRequestParamsSchema,
)
export type CompleteRequest = z.infer<typeof CompleteRequestSchema>

/** Suggested values, at most 100, and whether there are more. */
export const CompleteResultSchema = ResultSchema.extend({
  completion: z.looseObject({
    values: z.array(z.string()),
    total: z.number().int().optional(),
    hasMore: z.boolean().optional(),
  }),
})
export type CompleteResult = z.infer<typeof CompleteResultSchema>
