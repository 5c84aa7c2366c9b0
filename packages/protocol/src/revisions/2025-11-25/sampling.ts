/**
 * Sampling: the server asks the client's model for a completion, optionally with tools.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/client/sampling
 * @module
 */
import { z } from 'zod'
import { MetaSchema, OpenObjectSchema, ResultSchema, RoleSchema } from './base.js'
import {
  AudioContentSchema,
  ContentBlockSchema,
  ImageContentSchema,
  TextContentSchema,
} from './content.js'
import { requestSchema } from './jsonrpc.js'
import { TaskAugmentedRequestParamsSchema } from './tasks.js'
import { ToolSchema } from './tools.js'

/** A model name hint; the client may map it to a model of its own. */
export const ModelHintSchema = z.looseObject({
  name: z.string().optional(),
})
export type ModelHint = z.infer<typeof ModelHintSchema>

const PrioritySchema = z.number().min(0).max(1)

/** What the server cares about when the client picks a model. */
export const ModelPreferencesSchema = z.looseObject({
  hints: z.array(ModelHintSchema).optional(),
  costPriority: PrioritySchema.optional(),
  speedPriority: PrioritySchema.optional(),
  intelligencePriority: PrioritySchema.optional(),
})
export type ModelPreferences = z.infer<typeof ModelPreferencesSchema>

/** Whether the model must, may or must not call a tool. */
export const ToolChoiceSchema = z.looseObject({
  mode: z.enum(['auto', 'none', 'required']).optional(),
})
export type ToolChoice = z.infer<typeof ToolChoiceSchema>

/** A tool call the model made. */
export const ToolUseContentSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: OpenObjectSchema,
  _meta: MetaSchema.optional(),
})
export type ToolUseContent = z.infer<typeof ToolUseContentSchema>

/** The result of a tool call, sent back to the model. */
export const ToolResultContentSchema = z.looseObject({
  type: z.literal('tool_result'),
  toolUseId: z.string(),
  content: z.array(ContentBlockSchema),
  structuredContent: OpenObjectSchema.optional(),
  isError: z.boolean().optional(),
  _meta: MetaSchema.optional(),
})
export type ToolResultContent = z.infer<typeof ToolResultContentSchema>

/** Any content block a sampling message may hold. */
export const SamplingMessageContentBlockSchema = z.discriminatedUnion('type', [
  TextContentSchema,
  ImageContentSchema,
  AudioContentSchema,
  ToolUseContentSchema,
  ToolResultContentSchema,
])
export type SamplingMessageContentBlock = z.infer<typeof SamplingMessageContentBlockSchema>

/** One block or a list of blocks. */
const SamplingContentSchema = z.union([
  SamplingMessageContentBlockSchema,
  z.array(SamplingMessageContentBlockSchema),
])

/** One message of the conversation sent to the model. */
export const SamplingMessageSchema = z.looseObject({
  role: RoleSchema,
  content: SamplingContentSchema,
  _meta: MetaSchema.optional(),
})
export type SamplingMessage = z.infer<typeof SamplingMessageSchema>

/** The params of `sampling/createMessage`. */
export const CreateMessageRequestParamsSchema = TaskAugmentedRequestParamsSchema.extend({
  messages: z.array(SamplingMessageSchema),
  modelPreferences: ModelPreferencesSchema.optional(),
  systemPrompt: z.string().optional(),
  includeContext: z.enum(['allServers', 'none', 'thisServer']).optional(),
  temperature: z.number().optional(),
  maxTokens: z.number().int(),
  stopSequences: z.array(z.string()).optional(),
  metadata: OpenObjectSchema.optional(),
  tools: z.array(ToolSchema).optional(),
  toolChoice: ToolChoiceSchema.optional(),
})
export type CreateMessageRequestParams = z.infer<typeof CreateMessageRequestParamsSchema>

/** `sampling/createMessage`: the server asks the client's model for a message. */
export const CreateMessageRequestSchema = requestSchema(
  'sampling/createMessage',
  CreateMessageRequestParamsSchema,
)
export type CreateMessageRequest = z.infer<typeof CreateMessageRequestSchema>

/** The model's message, the model that wrote it and why it stopped. */
export const CreateMessageResultSchema = ResultSchema.extend({
  role: RoleSchema,
  content: SamplingContentSchema,
  model: z.string(),
  stopReason: z.string().optional(),
})
export type CreateMessageResult = z.infer<typeof CreateMessageResultSchema>
