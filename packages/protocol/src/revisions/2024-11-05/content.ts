/**
 * The content blocks of 2024-11-05: text, images and embedded resources, no audio.
 * @see https://modelcontextprotocol.io/specification/2024-11-05/server/tools#tool-result
 * @module
 */
import { z } from 'zod'
import {
  EmbeddedResourceSchema,
  ImageContentSchema,
  TextContentSchema,
} from '../2025-03-26/content.js'

/** The blocks a tool result or prompt message may hold. */
export const ContentSchema = z.discriminatedUnion('type', [
  TextContentSchema,
  ImageContentSchema,
  EmbeddedResourceSchema,
])

/** The one block a sampling message holds. */
export const SamplingContentSchema = z.discriminatedUnion('type', [
  TextContentSchema,
  ImageContentSchema,
])
