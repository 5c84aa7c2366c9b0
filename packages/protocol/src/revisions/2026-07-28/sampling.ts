/**
 * Sampling in 2026-07-28 (deprecated by SEP-2577): `sampling/createMessage` is no longer a
 * JSON-RPC request of its own but an entry of an `InputRequiredResult`, so it has neither
 * `jsonrpc` nor `id`, and its params lose `_meta` and `task`. A tool result's
 * `structuredContent` may now be any JSON value.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/client/sampling
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/index.js'
import { JSONObjectSchema } from './json.js'
import { ToolSchema } from './tool-definition.js'

/** The result of a tool call, sent back to the model; `structuredContent` is any JSON value. */
export const ToolResultContentSchema = trunk.ToolResultContentSchema.extend({
  structuredContent: z.unknown().optional(),
})
export type ToolResultContent = z.infer<typeof ToolResultContentSchema>

/** Any content block a sampling message may hold. */
export const SamplingMessageContentBlockSchema = z.discriminatedUnion('type', [
  trunk.TextContentSchema,
  trunk.ImageContentSchema,
  trunk.AudioContentSchema,
  trunk.ToolUseContentSchema,
  ToolResultContentSchema,
])
export type SamplingMessageContentBlock = z.infer<typeof SamplingMessageContentBlockSchema>

/** One block or a list of blocks. */
const SamplingContentSchema = z.union([
  SamplingMessageContentBlockSchema,
  z.array(SamplingMessageContentBlockSchema),
])

/** One message of the conversation sent to the model. */
export const SamplingMessageSchema = trunk.SamplingMessageSchema.extend({
  content: SamplingContentSchema,
})
export type SamplingMessage = z.infer<typeof SamplingMessageSchema>

/** The params of `sampling/createMessage`, without `_meta` and `task`. */
export const CreateMessageRequestParamsSchema = trunk.CreateMessageRequestParamsSchema.omit({
  _meta: true,
  task: true,
}).extend({
  messages: z.array(SamplingMessageSchema),
  metadata: JSONObjectSchema.optional(),
  tools: z.array(ToolSchema).optional(),
})
export type CreateMessageRequestParams = z.infer<typeof CreateMessageRequestParamsSchema>

/** `sampling/createMessage` as an input request: a method and params, no envelope. */
export const CreateMessageRequestSchema = trunk.CreateMessageRequestSchema.omit({
  jsonrpc: true,
  id: true,
}).extend({
  params: CreateMessageRequestParamsSchema,
})
export type CreateMessageRequest = z.infer<typeof CreateMessageRequestSchema>

/** The model's message, as an input response. */
export const CreateMessageResultSchema = trunk.CreateMessageResultSchema.extend({
  content: SamplingContentSchema,
})
export type CreateMessageResult = z.infer<typeof CreateMessageResultSchema>
