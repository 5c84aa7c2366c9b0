/**
 * Sampling in 2025-03-26: the content blocks of this revision, without `_meta`.
 * @see https://modelcontextprotocol.io/specification/2025-03-26/client/sampling
 * @module
 */
import { z } from 'zod'
import * as v2025_06_18 from '../2025-06-18/sampling.js'
import { AudioContentSchema, ImageContentSchema, TextContentSchema } from './content.js'

/** The one block a sampling message holds. */
const SamplingContentSchema = z.discriminatedUnion('type', [
  TextContentSchema,
  ImageContentSchema,
  AudioContentSchema,
])

/** One message of the conversation sent to the model. */
export const SamplingMessageSchema = v2025_06_18.SamplingMessageSchema.extend({
  content: SamplingContentSchema,
})
export type SamplingMessage = z.infer<typeof SamplingMessageSchema>

const params = v2025_06_18.CreateMessageRequestSchema.shape.params

/** `sampling/createMessage`: the server asks the client's model for a message. */
export const CreateMessageRequestSchema = v2025_06_18.CreateMessageRequestSchema.extend({
  params: params.extend({ messages: z.array(SamplingMessageSchema) }),
})
export type CreateMessageRequest = z.infer<typeof CreateMessageRequestSchema>

/** The model's message, the model that wrote it and why it stopped. */
export const CreateMessageResultSchema = v2025_06_18.CreateMessageResultSchema.extend({
  content: SamplingContentSchema,
})
export type CreateMessageResult = z.infer<typeof CreateMessageResultSchema>
