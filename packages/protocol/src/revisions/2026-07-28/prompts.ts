/**
 * Prompts in 2026-07-28: list results are cacheable, and `prompts/get` may answer with an
 * `InputRequiredResult` and accepts a retry's `inputResponses` and `requestState`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/prompts
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/index.js'
import {
  cacheableShape,
  NotificationParamsSchema,
  PaginatedRequestParamsSchema,
  resultShape,
} from './base.js'
import { resultResponseSchema } from './jsonrpc.js'
import { InputRequiredResultSchema, InputResponseRequestParamsSchema } from './mrtr.js'

/** `prompts/list`: asks for the server's prompts, a page at a time. */
export const ListPromptsRequestSchema = trunk.ListPromptsRequestSchema.extend({
  params: PaginatedRequestParamsSchema,
})
export type ListPromptsRequest = z.infer<typeof ListPromptsRequestSchema>

/** A page of prompts; cacheable. */
export const ListPromptsResultSchema = trunk.ListPromptsResultSchema.extend({
  ...resultShape,
  ...cacheableShape,
})
export type ListPromptsResult = z.infer<typeof ListPromptsResultSchema>

/** The response to `prompts/list`. */
export const ListPromptsResultResponseSchema = resultResponseSchema(ListPromptsResultSchema)
export type ListPromptsResultResponse = z.infer<typeof ListPromptsResultResponseSchema>

/** The params of `prompts/get`, with a retry's `inputResponses` and `requestState`. */
export const GetPromptRequestParamsSchema = trunk.GetPromptRequestParamsSchema.extend(
  InputResponseRequestParamsSchema.shape,
)
export type GetPromptRequestParams = z.infer<typeof GetPromptRequestParamsSchema>

/** `prompts/get`: renders a prompt with arguments. */
export const GetPromptRequestSchema = trunk.GetPromptRequestSchema.extend({
  params: GetPromptRequestParamsSchema,
})
export type GetPromptRequest = z.infer<typeof GetPromptRequestSchema>

/** A rendered prompt. */
export const GetPromptResultSchema = trunk.GetPromptResultSchema.extend(resultShape)
export type GetPromptResult = z.infer<typeof GetPromptResultSchema>

/** The response to `prompts/get`: the prompt, or a request for more input. */
export const GetPromptResultResponseSchema = resultResponseSchema(
  z.union([InputRequiredResultSchema, GetPromptResultSchema]),
)
export type GetPromptResultResponse = z.infer<typeof GetPromptResultResponseSchema>

/** `notifications/prompts/list_changed`, delivered on a `subscriptions/listen` stream. */
export const PromptListChangedNotificationSchema = trunk.PromptListChangedNotificationSchema.extend(
  {
    params: NotificationParamsSchema.optional(),
  },
)
export type PromptListChangedNotification = z.infer<typeof PromptListChangedNotificationSchema>
