/**
 * Completion in 2026-07-28: the request carries the `_meta` envelope, and the result says its
 * `resultType` and holds at most 100 values (a limit the schema now enforces).
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/completion
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/index.js'
import { resultShape } from './base.js'
import { resultResponseSchema } from './jsonrpc.js'
import { RequestMetaObjectSchema } from './meta.js'

/** The params of `completion/complete`. */
export const CompleteRequestParamsSchema = trunk.CompleteRequestParamsSchema.extend({
  _meta: RequestMetaObjectSchema,
})
export type CompleteRequestParams = z.infer<typeof CompleteRequestParamsSchema>

/** `completion/complete`: asks for values an argument could take. */
export const CompleteRequestSchema = trunk.CompleteRequestSchema.extend({
  params: CompleteRequestParamsSchema,
})
export type CompleteRequest = z.infer<typeof CompleteRequestSchema>

/** Suggested values, at most 100, and whether there are more. */
export const CompleteResultSchema = trunk.CompleteResultSchema.extend({
  ...resultShape,
  completion: trunk.CompleteResultSchema.shape.completion.extend({
    values: z.array(z.string()).max(100),
  }),
})
export type CompleteResult = z.infer<typeof CompleteResultSchema>

/** The response to `completion/complete`. */
export const CompleteResultResponseSchema = resultResponseSchema(CompleteResultSchema)
export type CompleteResultResponse = z.infer<typeof CompleteResultResponseSchema>
