/**
 * Resources: data a server exposes by URI, their templates, reads and subscriptions.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/server/resources
 * @module
 */
import { z } from 'zod'
import {
  AnnotationsSchema,
  IconSchema,
  MetaSchema,
  NotificationParamsSchema,
  PaginatedRequestParamsSchema,
  PaginatedResultSchema,
  RequestParamsSchema,
  ResultSchema,
} from './base.js'
import { notificationSchema, requestSchema } from './jsonrpc.js'

// `format: uri` is not checked: servers use custom schemes and relative forms, and a URI that
// is not quite RFC 3986 is the server's business, not a reason to drop a message.

/** A resource a server can read. */
export const ResourceSchema = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  uri: z.string(),
  description: z.string().optional(),
  mimeType: z.string().optional(),
  annotations: AnnotationsSchema.optional(),
  size: z.number().int().optional(),
  icons: z.array(IconSchema).optional(),
  _meta: MetaSchema.optional(),
})
export type Resource = z.infer<typeof ResourceSchema>

/** A family of resources described by an RFC 6570 URI template. */
export const ResourceTemplateSchema = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  uriTemplate: z.string(),
  description: z.string().optional(),
  mimeType: z.string().optional(),
  annotations: AnnotationsSchema.optional(),
  icons: z.array(IconSchema).optional(),
  _meta: MetaSchema.optional(),
})
export type ResourceTemplate = z.infer<typeof ResourceTemplateSchema>

/** What every resource read returns: the URI and, optionally, its MIME type. */
export const ResourceContentsSchema = z.looseObject({
  uri: z.string(),
  mimeType: z.string().optional(),
  _meta: MetaSchema.optional(),
})
export type ResourceContents = z.infer<typeof ResourceContentsSchema>

/** Resource contents as text. */
export const TextResourceContentsSchema = ResourceContentsSchema.extend({
  text: z.string(),
})
export type TextResourceContents = z.infer<typeof TextResourceContentsSchema>

/** Resource contents as base64-encoded binary data. */
export const BlobResourceContentsSchema = ResourceContentsSchema.extend({
  blob: z.string(),
})
export type BlobResourceContents = z.infer<typeof BlobResourceContentsSchema>

/** `resources/list`: asks for the server's resources, a page at a time. */
export const ListResourcesRequestSchema = requestSchema(
  'resources/list',
  PaginatedRequestParamsSchema.optional(),
)
export type ListResourcesRequest = z.infer<typeof ListResourcesRequestSchema>

/** A page of resources. */
export const ListResourcesResultSchema = PaginatedResultSchema.extend({
  resources: z.array(ResourceSchema),
})
export type ListResourcesResult = z.infer<typeof ListResourcesResultSchema>

/** `resources/templates/list`: asks for the server's resource templates. */
export const ListResourceTemplatesRequestSchema = requestSchema(
  'resources/templates/list',
  PaginatedRequestParamsSchema.optional(),
)
export type ListResourceTemplatesRequest = z.infer<typeof ListResourceTemplatesRequestSchema>

/** A page of resource templates. */
export const ListResourceTemplatesResultSchema = PaginatedResultSchema.extend({
  resourceTemplates: z.array(ResourceTemplateSchema),
})
export type ListResourceTemplatesResult = z.infer<typeof ListResourceTemplatesResultSchema>

/** The params of every request about one resource. */
export const ResourceRequestParamsSchema = RequestParamsSchema.extend({
  uri: z.string(),
})
export type ResourceRequestParams = z.infer<typeof ResourceRequestParamsSchema>

/** The params of `resources/read`. */
export const ReadResourceRequestParamsSchema = ResourceRequestParamsSchema
export type ReadResourceRequestParams = z.infer<typeof ReadResourceRequestParamsSchema>

/** `resources/read`: asks for a resource's contents. */
export const ReadResourceRequestSchema = requestSchema(
  'resources/read',
  ReadResourceRequestParamsSchema,
)
export type ReadResourceRequest = z.infer<typeof ReadResourceRequestSchema>

/** A resource's contents: one entry per part (a directory may have several). */
export const ReadResourceResultSchema = ResultSchema.extend({
  contents: z.array(z.union([TextResourceContentsSchema, BlobResourceContentsSchema])),
})
export type ReadResourceResult = z.infer<typeof ReadResourceResultSchema>

/** The params of `resources/subscribe`. */
export const SubscribeRequestParamsSchema = ResourceRequestParamsSchema
export type SubscribeRequestParams = z.infer<typeof SubscribeRequestParamsSchema>

/** `resources/subscribe`: asks to be told when a resource changes. */
export const SubscribeRequestSchema = requestSchema(
  'resources/subscribe',
  SubscribeRequestParamsSchema,
)
export type SubscribeRequest = z.infer<typeof SubscribeRequestSchema>

/** The params of `resources/unsubscribe`. */
export const UnsubscribeRequestParamsSchema = ResourceRequestParamsSchema
export type UnsubscribeRequestParams = z.infer<typeof UnsubscribeRequestParamsSchema>

/** `resources/unsubscribe`: cancels a `resources/subscribe`. */
export const UnsubscribeRequestSchema = requestSchema(
  'resources/unsubscribe',
  UnsubscribeRequestParamsSchema,
)
export type UnsubscribeRequest = z.infer<typeof UnsubscribeRequestSchema>

/** `notifications/resources/list_changed`: the list of resources changed. */
export const ResourceListChangedNotificationSchema = notificationSchema(
  'notifications/resources/list_changed',
  NotificationParamsSchema.optional(),
)
export type ResourceListChangedNotification = z.infer<typeof ResourceListChangedNotificationSchema>

/** The params of `notifications/resources/updated`. */
export const ResourceUpdatedNotificationParamsSchema = NotificationParamsSchema.extend({
  uri: z.string(),
})
export type ResourceUpdatedNotificationParams = z.infer<
  typeof ResourceUpdatedNotificationParamsSchema
>

/** `notifications/resources/updated`: a subscribed resource changed. */
export const ResourceUpdatedNotificationSchema = notificationSchema(
  'notifications/resources/updated',
  ResourceUpdatedNotificationParamsSchema,
)
export type ResourceUpdatedNotification = z.infer<typeof ResourceUpdatedNotificationSchema>
