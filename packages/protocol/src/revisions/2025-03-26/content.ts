/**
 * Content blocks in 2025-03-26: no `_meta`, annotations without `lastModified`, and no resource
 * links. Audio is new in this revision.
 * @see https://modelcontextprotocol.io/specification/2025-03-26/server/tools#tool-result
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/content.js'
import { AnnotationsSchema } from './base.js'
import { BlobResourceContentsSchema, TextResourceContentsSchema } from './resources.js'

/** What 2025-06-18 added to every content block; and the annotations of this revision. */
const META = { _meta: true } as const
const annotations = { annotations: AnnotationsSchema.optional() }

/** Text. */
export const TextContentSchema = trunk.TextContentSchema.omit(META).extend(annotations)
export type TextContent = z.infer<typeof TextContentSchema>

/** A base64-encoded image. */
export const ImageContentSchema = trunk.ImageContentSchema.omit(META).extend(annotations)
export type ImageContent = z.infer<typeof ImageContentSchema>

/** Base64-encoded audio. */
export const AudioContentSchema = trunk.AudioContentSchema.omit(META).extend(annotations)
export type AudioContent = z.infer<typeof AudioContentSchema>

/** A resource's contents, embedded in the message. */
export const EmbeddedResourceSchema = trunk.EmbeddedResourceSchema.omit(META).extend({
  ...annotations,
  resource: z.union([TextResourceContentsSchema, BlobResourceContentsSchema]),
})
export type EmbeddedResource = z.infer<typeof EmbeddedResourceSchema>

/** The blocks a tool result or prompt message may hold (`ContentBlock` from 2025-06-18 on). */
export const ContentSchema = z.discriminatedUnion('type', [
  TextContentSchema,
  ImageContentSchema,
  AudioContentSchema,
  EmbeddedResourceSchema,
])
