/**
 * Content blocks: what tool results and prompt messages are made of.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool-result
 * @module
 */
import { z } from 'zod'
import { AnnotationsSchema, MetaSchema } from './base.js'
import {
  BlobResourceContentsSchema,
  ResourceSchema,
  TextResourceContentsSchema,
} from './resources.js'

/** Text. */
export const TextContentSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  annotations: AnnotationsSchema.optional(),
  _meta: MetaSchema.optional(),
})
export type TextContent = z.infer<typeof TextContentSchema>

// `format: byte` (base64) is not checked, as JSON Schema validators do not check it either.

/** A base64-encoded image. */
export const ImageContentSchema = z.looseObject({
  type: z.literal('image'),
  data: z.string(),
  mimeType: z.string(),
  annotations: AnnotationsSchema.optional(),
  _meta: MetaSchema.optional(),
})
export type ImageContent = z.infer<typeof ImageContentSchema>

/** Base64-encoded audio. */
export const AudioContentSchema = z.looseObject({
  type: z.literal('audio'),
  data: z.string(),
  mimeType: z.string(),
  annotations: AnnotationsSchema.optional(),
  _meta: MetaSchema.optional(),
})
export type AudioContent = z.infer<typeof AudioContentSchema>

/** A link to a resource the client may read; it need not appear in `resources/list`. */
export const ResourceLinkSchema = ResourceSchema.extend({
  type: z.literal('resource_link'),
})
export type ResourceLink = z.infer<typeof ResourceLinkSchema>

/** A resource's contents, embedded in the message. */
export const EmbeddedResourceSchema = z.looseObject({
  type: z.literal('resource'),
  resource: z.union([TextResourceContentsSchema, BlobResourceContentsSchema]),
  annotations: AnnotationsSchema.optional(),
  _meta: MetaSchema.optional(),
})
export type EmbeddedResource = z.infer<typeof EmbeddedResourceSchema>

/** Any content block a tool result or prompt message may hold. */
export const ContentBlockSchema = z.discriminatedUnion('type', [
  TextContentSchema,
  ImageContentSchema,
  AudioContentSchema,
  ResourceLinkSchema,
  EmbeddedResourceSchema,
])
export type ContentBlock = z.infer<typeof ContentBlockSchema>
