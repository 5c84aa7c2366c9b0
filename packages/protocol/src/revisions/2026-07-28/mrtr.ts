/**
 * Multi round-trip requests, new in 2026-07-28. Servers send no requests of their own any more:
 * when `tools/call`, `prompts/get` or `resources/read` needs sampling, elicitation or roots, the
 * server answers with an `InputRequiredResult`, and the client retries the original request (with
 * a new id) carrying its `inputResponses` and the server's `requestState`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
 * @module
 */
import { z } from 'zod'
import { requestsOf, requestTable, resultsOf } from '../method-table.js'
import { RequestParamsSchema, ResultSchema } from './base.js'
import { ElicitRequestSchema, ElicitResultSchema } from './elicitation.js'
import { ListRootsRequestSchema, ListRootsResultSchema } from './roots.js'
import { CreateMessageRequestSchema, CreateMessageResultSchema } from './sampling.js'

// Each request a server may embed, with the answer the client gives; written once for the
// unions below and for the `inputRequests` table.
const inputRequestPairs = [
  [CreateMessageRequestSchema, CreateMessageResultSchema],
  [ListRootsRequestSchema, ListRootsResultSchema],
  [ElicitRequestSchema, ElicitResultSchema],
] as const

/** A request the server needs the client to fulfil before it can finish. */
export const InputRequestSchema = z.discriminatedUnion('method', requestsOf(inputRequestPairs))
export type InputRequest = z.infer<typeof InputRequestSchema>

/** The client's answer to one input request. */
export const InputResponseSchema = z.union(resultsOf(inputRequestPairs))
export type InputResponse = z.infer<typeof InputResponseSchema>

/**
 * The requests a server may embed in `InputRequiredResult.inputRequests`, by method: the params
 * the server sends and the result the client puts in `inputResponses` under the same key.
 *
 * @example
 * ```ts
 * for (const [key, request] of Object.entries(result.inputRequests ?? {})) {
 *   const answer = await fulfil(request) // sampling, elicitation or roots
 *   inputResponses[key] = inputRequests[request.method].result.parse(answer)
 * }
 * ```
 */
export const inputRequests = requestTable(inputRequestPairs)

/** Server-assigned key -> input request. Keys are unique within the request. */
export const InputRequestsSchema = z.record(z.string(), InputRequestSchema)
export type InputRequests = z.infer<typeof InputRequestsSchema>

/** Key of an input request -> the client's answer to it. */
export const InputResponsesSchema = z.record(z.string(), InputResponseSchema)
export type InputResponses = z.infer<typeof InputResponsesSchema>

/**
 * The interim result `resultType: "input_required"`. The spec requires at least one of
 * `inputRequests` and `requestState`, but the schema does not, so neither does this.
 */
export const InputRequiredResultSchema = ResultSchema.extend({
  inputRequests: InputRequestsSchema.optional(),
  /** Opaque to the client, which MUST echo it unchanged on the retry. */
  requestState: z.string().optional(),
})
export type InputRequiredResult = z.infer<typeof InputRequiredResultSchema>

/** The params members a retry adds: the answers and the echoed state. */
export const InputResponseRequestParamsSchema = RequestParamsSchema.extend({
  inputResponses: InputResponsesSchema.optional(),
  requestState: z.string().optional(),
})
export type InputResponseRequestParams = z.infer<typeof InputResponseRequestParamsSchema>
