/**
 * Sampling in 2025-06-18: one text, image or audio block per message, no tools, no tasks, and the
 * request without the JSON-RPC envelope.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/client/sampling
 * @module
 */
import { z } from 'zod'
import * as content from '../2025-11-25/content.js'
import * as trunk from '../2025-11-25/sampling.js'
import { PARAMS_META, REQUEST_ENVELOPE } from './jsonrpc.js'

/** The one block a sampling message holds. */
const SamplingContentSchema = z.discriminatedUnion('type', [
  content.TextContentSchema,
  content.ImageContentSchema,
  content.AudioContentSchema,
])

/** One message of the conversation sent to the model. */
export const SamplingMessageSchema = trunk.SamplingMessageSchema.omit({ _meta: true }).extend({
  content: SamplingContentSchema,
})
export type SamplingMessage = z.infer<typeof SamplingMessageSchema>

/** `sampling/createMessage`: the server asks the client's model for a message. */
export const CreateMessageRequestSchema = trunk.CreateMessageRequestSchema.omit(
  REQUEST_ENVELOPE,
).extend({
  params: trunk.CreateMessageRequestParamsSchema.omit({
    ...PARAMS_META,
    task: true,
    tools: true,
    toolChoice: true,
  }).extend({ messages: z.array(SamplingMessageSchema) }),
})
export type CreateMessageRequest = z.infer<typeof CreateMessageRequestSchema>

/** The model's message, the model that wrote it and why it stopped. */
export const CreateMessageResultSchema = trunk.CreateMessageResultSchema.extend({
  content: SamplingContentSchema,
})
export type CreateMessageResult = z.infer<typeof CreateMessageResultSchema>
