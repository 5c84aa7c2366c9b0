/**
 * Content blocks in 2025-06-18: a resource link has no icons.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/server/tools#tool-result
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/content.js'

/** A link to a resource the client may read; it need not appear in `resources/list`. */
export const ResourceLinkSchema = trunk.ResourceLinkSchema.omit({ icons: true })
export type ResourceLink = z.infer<typeof ResourceLinkSchema>

/** Any content block a tool result or prompt message may hold. */
export const ContentBlockSchema = z.discriminatedUnion('type', [
  trunk.TextContentSchema,
  trunk.ImageContentSchema,
  trunk.AudioContentSchema,
  ResourceLinkSchema,
  trunk.EmbeddedResourceSchema,
])
export type ContentBlock = z.infer<typeof ContentBlockSchema>
