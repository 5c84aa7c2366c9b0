/**
 * Resources in 2025-06-18: no icons, and requests without the JSON-RPC envelope.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/server/resources
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/resources.js'
import {
  NOTIFICATION_ENVELOPE,
  PaginatedParamsSchema,
  PARAMS_META,
  REQUEST_ENVELOPE,
} from './jsonrpc.js'

/** What 2025-11-25 added to resources and templates. */
const ADDED_LATER = { icons: true } as const

/** A resource a server can read. */
export const ResourceSchema = trunk.ResourceSchema.omit(ADDED_LATER)
export type Resource = z.infer<typeof ResourceSchema>

/** A family of resources described by an RFC 6570 URI template. */
export const ResourceTemplateSchema = trunk.ResourceTemplateSchema.omit(ADDED_LATER)
export type ResourceTemplate = z.infer<typeof ResourceTemplateSchema>

/** `resources/list`: asks for the server's resources, a page at a time. */
export const ListResourcesRequestSchema = trunk.ListResourcesRequestSchema.omit(
  REQUEST_ENVELOPE,
).extend({ params: PaginatedParamsSchema.optional() })
export type ListResourcesRequest = z.infer<typeof ListResourcesRequestSchema>

/** A page of resources. */
export const ListResourcesResultSchema = trunk.ListResourcesResultSchema.extend({
  resources: z.array(ResourceSchema),
})
export type ListResourcesResult = z.infer<typeof ListResourcesResultSchema>

/** `resources/templates/list`: asks for the server's resource templates. */
export const ListResourceTemplatesRequestSchema = trunk.ListResourceTemplatesRequestSchema.omit(
  REQUEST_ENVELOPE,
).extend({ params: PaginatedParamsSchema.optional() })
export type ListResourceTemplatesRequest = z.infer<typeof ListResourceTemplatesRequestSchema>

/** A page of resource templates. */
export const ListResourceTemplatesResultSchema = trunk.ListResourceTemplatesResultSchema.extend({
  resourceTemplates: z.array(ResourceTemplateSchema),
})
export type ListResourceTemplatesResult = z.infer<typeof ListResourceTemplatesResultSchema>

/** The params of every request about one resource: only its `uri`. */
const UriParamsSchema = trunk.ResourceRequestParamsSchema.omit(PARAMS_META)

/** `resources/read`: asks for a resource's contents. */
export const ReadResourceRequestSchema = trunk.ReadResourceRequestSchema.omit(
  REQUEST_ENVELOPE,
).extend({ params: UriParamsSchema })
export type ReadResourceRequest = z.infer<typeof ReadResourceRequestSchema>

/** `resources/subscribe`: asks to be told when a resource changes. */
export const SubscribeRequestSchema = trunk.SubscribeRequestSchema.omit(REQUEST_ENVELOPE).extend({
  params: UriParamsSchema,
})
export type SubscribeRequest = z.infer<typeof SubscribeRequestSchema>

/** `resources/unsubscribe`: cancels a `resources/subscribe`. */
export const UnsubscribeRequestSchema = trunk.UnsubscribeRequestSchema.omit(
  REQUEST_ENVELOPE,
).extend({ params: UriParamsSchema })
export type UnsubscribeRequest = z.infer<typeof UnsubscribeRequestSchema>

/** `notifications/resources/list_changed`: the list of resources changed. */
export const ResourceListChangedNotificationSchema =
  trunk.ResourceListChangedNotificationSchema.omit(NOTIFICATION_ENVELOPE)
export type ResourceListChangedNotification = z.infer<typeof ResourceListChangedNotificationSchema>

/** `notifications/resources/updated`: a subscribed resource changed. */
export const ResourceUpdatedNotificationSchema = trunk.ResourceUpdatedNotificationSchema.omit(
  NOTIFICATION_ENVELOPE,
).extend({ params: trunk.ResourceUpdatedNotificationParamsSchema.omit(PARAMS_META) })
export type ResourceUpdatedNotification = z.infer<typeof ResourceUpdatedNotificationSchema>
