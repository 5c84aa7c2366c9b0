/**
 * Resources in 2025-03-26: no `title` and no `_meta` on resources, templates and contents.
 * The requests are those of 2025-06-18.
 * @see https://modelcontextprotocol.io/specification/2025-03-26/server/resources
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/resources.js'
import * as v2025_06_18 from '../2025-06-18/resources.js'
import { AnnotationsSchema } from './base.js'

/** What every resource read returns: the URI and, optionally, its MIME type. */
export const ResourceContentsSchema = trunk.ResourceContentsSchema.omit({ _meta: true })
export type ResourceContents = z.infer<typeof ResourceContentsSchema>

/** Resource contents as text. */
export const TextResourceContentsSchema = trunk.TextResourceContentsSchema.omit({ _meta: true })
export type TextResourceContents = z.infer<typeof TextResourceContentsSchema>

/** Resource contents as base64-encoded binary data. */
export const BlobResourceContentsSchema = trunk.BlobResourceContentsSchema.omit({ _meta: true })
export type BlobResourceContents = z.infer<typeof BlobResourceContentsSchema>

/** What 2025-06-18 added to resources and templates. */
const ADDED_LATER = { _meta: true, title: true } as const

/** A resource a server can read. */
export const ResourceSchema = v2025_06_18.ResourceSchema.omit(ADDED_LATER).extend({
  annotations: AnnotationsSchema.optional(),
})
export type Resource = z.infer<typeof ResourceSchema>

/** A family of resources described by an RFC 6570 URI template. */
export const ResourceTemplateSchema = v2025_06_18.ResourceTemplateSchema.omit(ADDED_LATER).extend({
  annotations: AnnotationsSchema.optional(),
})
export type ResourceTemplate = z.infer<typeof ResourceTemplateSchema>

/** A page of resources. */
export const ListResourcesResultSchema = v2025_06_18.ListResourcesResultSchema.extend({
  resources: z.array(ResourceSchema),
})
export type ListResourcesResult = z.infer<typeof ListResourcesResultSchema>

/** A page of resource templates. */
export const ListResourceTemplatesResultSchema =
  v2025_06_18.ListResourceTemplatesResultSchema.extend({
    resourceTemplates: z.array(ResourceTemplateSchema),
  })
export type ListResourceTemplatesResult = z.infer<typeof ListResourceTemplatesResultSchema>

/** A resource's contents: one entry per part (a directory may have several). */
export const ReadResourceResultSchema = trunk.ReadResourceResultSchema.extend({
  contents: z.array(z.union([TextResourceContentsSchema, BlobResourceContentsSchema])),
})
export type ReadResourceResult = z.infer<typeof ReadResourceResultSchema>
