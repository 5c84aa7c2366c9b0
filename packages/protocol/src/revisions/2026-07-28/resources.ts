/**
 * Resources in 2026-07-28: list and read results are cacheable, `resources/read` may answer with
 * an `InputRequiredResult`, and a missing resource is `-32602` (no longer `-32002`).
 * `resources/subscribe` and `resources/unsubscribe` gave way to `subscriptions/listen`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/resources
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/index.js'
import {
  cacheableShape,
  NotificationParamsSchema,
  PaginatedRequestParamsSchema,
  resultShape,
} from './base.js'
import { resultResponseSchema } from './jsonrpc.js'
import { RequestMetaObjectSchema } from './meta.js'
import { InputRequiredResultSchema, InputResponseRequestParamsSchema } from './mrtr.js'

/** `resources/list`: asks for the server's resources, a page at a time. */
export const ListResourcesRequestSchema = trunk.ListResourcesRequestSchema.extend({
  params: PaginatedRequestParamsSchema,
})
export type ListResourcesRequest = z.infer<typeof ListResourcesRequestSchema>

/** A page of resources; cacheable. */
export const ListResourcesResultSchema = trunk.ListResourcesResultSchema.extend({
  ...resultShape,
  ...cacheableShape,
})
export type ListResourcesResult = z.infer<typeof ListResourcesResultSchema>

/** The response to `resources/list`. */
export const ListResourcesResultResponseSchema = resultResponseSchema(ListResourcesResultSchema)
export type ListResourcesResultResponse = z.infer<typeof ListResourcesResultResponseSchema>

/** `resources/templates/list`: asks for the server's resource templates. */
export const ListResourceTemplatesRequestSchema = trunk.ListResourceTemplatesRequestSchema.extend({
  params: PaginatedRequestParamsSchema,
})
export type ListResourceTemplatesRequest = z.infer<typeof ListResourceTemplatesRequestSchema>

/** A page of resource templates; cacheable. */
export const ListResourceTemplatesResultSchema = trunk.ListResourceTemplatesResultSchema.extend({
  ...resultShape,
  ...cacheableShape,
})
export type ListResourceTemplatesResult = z.infer<typeof ListResourceTemplatesResultSchema>

/** The response to `resources/templates/list`. */
export const ListResourceTemplatesResultResponseSchema = resultResponseSchema(
  ListResourceTemplatesResultSchema,
)
export type ListResourceTemplatesResultResponse = z.infer<
  typeof ListResourceTemplatesResultResponseSchema
>

/** The params of every request about one resource. */
export const ResourceRequestParamsSchema = trunk.ResourceRequestParamsSchema.extend({
  _meta: RequestMetaObjectSchema,
})
export type ResourceRequestParams = z.infer<typeof ResourceRequestParamsSchema>

/** The params of `resources/read`, with a retry's `inputResponses` and `requestState`. */
export const ReadResourceRequestParamsSchema = ResourceRequestParamsSchema.extend(
  InputResponseRequestParamsSchema.shape,
)
export type ReadResourceRequestParams = z.infer<typeof ReadResourceRequestParamsSchema>

/** `resources/read`: reads one resource. */
export const ReadResourceRequestSchema = trunk.ReadResourceRequestSchema.extend({
  params: ReadResourceRequestParamsSchema,
})
export type ReadResourceRequest = z.infer<typeof ReadResourceRequestSchema>

/** A resource's contents; cacheable. */
export const ReadResourceResultSchema = trunk.ReadResourceResultSchema.extend({
  ...resultShape,
  ...cacheableShape,
})
export type ReadResourceResult = z.infer<typeof ReadResourceResultSchema>

/** The response to `resources/read`: the contents, or a request for more input. */
export const ReadResourceResultResponseSchema = resultResponseSchema(
  z.union([InputRequiredResultSchema, ReadResourceResultSchema]),
)
export type ReadResourceResultResponse = z.infer<typeof ReadResourceResultResponseSchema>

/** `notifications/resources/list_changed`, delivered on a `subscriptions/listen` stream. */
export const ResourceListChangedNotificationSchema =
  trunk.ResourceListChangedNotificationSchema.extend({
    params: NotificationParamsSchema.optional(),
  })
export type ResourceListChangedNotification = z.infer<typeof ResourceListChangedNotificationSchema>

/** The params of `notifications/resources/updated`. */
export const ResourceUpdatedNotificationParamsSchema =
  trunk.ResourceUpdatedNotificationParamsSchema.extend(NotificationParamsSchema.shape)
export type ResourceUpdatedNotificationParams = z.infer<
  typeof ResourceUpdatedNotificationParamsSchema
>

/** `notifications/resources/updated`, for a URI named in `resourceSubscriptions`. */
export const ResourceUpdatedNotificationSchema = trunk.ResourceUpdatedNotificationSchema.extend({
  params: ResourceUpdatedNotificationParamsSchema,
})
export type ResourceUpdatedNotification = z.infer<typeof ResourceUpdatedNotificationSchema>
