/**
 * Elicitation in 2026-07-28: `elicitation/create` travels inside an `InputRequiredResult`, so it
 * has neither `jsonrpc` nor `id`; its params lose `_meta` and `task`; URL mode loses
 * `elicitationId` (with `notifications/elicitation/complete`: the client learns the outcome by
 * retrying), and the result loses `_meta`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/client/elicitation
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/index.js'

/** The params of a form elicitation: a message and a flat schema of primitive fields. */
export const ElicitRequestFormParamsSchema = trunk.ElicitRequestFormParamsSchema.omit({
  _meta: true,
  task: true,
})
export type ElicitRequestFormParams = z.infer<typeof ElicitRequestFormParamsSchema>

/** The params of a URL elicitation: the user completes it out of band, then the client retries. */
export const ElicitRequestURLParamsSchema = trunk.ElicitRequestURLParamsSchema.omit({
  _meta: true,
  task: true,
  elicitationId: true,
})
export type ElicitRequestURLParams = z.infer<typeof ElicitRequestURLParamsSchema>

/** The params of `elicitation/create`, in either mode. */
export const ElicitRequestParamsSchema = z.union([
  ElicitRequestFormParamsSchema,
  ElicitRequestURLParamsSchema,
])
export type ElicitRequestParams = z.infer<typeof ElicitRequestParamsSchema>

/** `elicitation/create` as an input request: a method and params, no envelope. */
export const ElicitRequestSchema = trunk.ElicitRequestSchema.omit({
  jsonrpc: true,
  id: true,
}).extend({
  params: ElicitRequestParamsSchema,
})
export type ElicitRequest = z.infer<typeof ElicitRequestSchema>

/** The user's answer, as an input response. */
export const ElicitResultSchema = trunk.ElicitResultSchema.omit({ _meta: true })
export type ElicitResult = z.infer<typeof ElicitResultSchema>
