/**
 * Sampling in 2024-11-05: a message holds text or an image, no audio.
 * @see https://modelcontextprotocol.io/specification/2024-11-05/client/sampling
 * @module
 */
import { z } from 'zod'
import * as v2025_03_26 from '../2025-03-26/sampling.js'
import { SamplingContentSchema } from './content.js'

/** One message of the conversation sent to the model. */
export const SamplingMessageSchema = v2025_03_26.SamplingMessageSchema.extend({
  content: SamplingContentSchema,
})
export type SamplingMessage = z.infer<typeof SamplingMessageSchema>

const params = v2025_03_26.CreateMessageRequestSchema.shape.params

/** `sampling/createMessage`: the server asks the client's model for a message. */
export const CreateMessageRequestSchema = v2025_03_26.CreateMessageRequestSchema.extend({
  params: params.extend({ messages: z.array(SamplingMessageSchema) }),
})
export type CreateMessageRequest = z.infer<typeof CreateMessageRequestSchema>

/** The model's message, the model that wrote it and why it stopped. */
export const CreateMessageResultSchema = v2025_03_26.CreateMessageResultSchema.extend({
  content: SamplingContentSchema,
})
export type CreateMessageResult = z.infer<typeof CreateMessageResultSchema>
