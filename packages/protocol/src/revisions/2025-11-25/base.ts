/**
 * The building blocks every other 2025-11-25 definition is made of: `_meta`, progress tokens,
 * cursors, the generic request/notification/result shapes, roles, annotations and icons.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic
 * @module
 */
import { z } from 'zod'
import { RequestIdSchema } from './jsonrpc.js'

/**
 * An object the spec leaves open (`additionalProperties: true`): any JSON object. Also used for
 * string-keyed maps of anything: a loose object accepts the same values as
 * `z.record(z.string(), z.unknown())` and validates them about twice as fast.
 */
export const OpenObjectSchema = z.looseObject({})

/** `_meta`: an open map reserved for protocol and implementation metadata. */
export const MetaSchema = OpenObjectSchema

/** A token that ties progress notifications to the request that asked for them. */
export const ProgressTokenSchema = z.union([z.string(), z.number().int()])
export type ProgressToken = z.infer<typeof ProgressTokenSchema>

/** An opaque pagination position. */
export const CursorSchema = z.string()
export type Cursor = z.infer<typeof CursorSchema>

/** The `_meta` of a request's params, which may ask for progress notifications. */
const RequestMetaSchema = z.looseObject({
  progressToken: ProgressTokenSchema.optional(),
})

/** The params every request may carry. */
export const RequestParamsSchema = z.looseObject({
  _meta: RequestMetaSchema.optional(),
})
export type RequestParams = z.infer<typeof RequestParamsSchema>

/** The params every notification may carry. */
export const NotificationParamsSchema = z.looseObject({
  _meta: MetaSchema.optional(),
})
export type NotificationParams = z.infer<typeof NotificationParamsSchema>

/** A request without the JSON-RPC envelope: a method and its params. */
export const RequestSchema = z.looseObject({
  method: z.string(),
  params: OpenObjectSchema.optional(),
})
export type Request = z.infer<typeof RequestSchema>

/** A notification without the JSON-RPC envelope: a method and its params. */
export const NotificationSchema = z.looseObject({
  method: z.string(),
  params: OpenObjectSchema.optional(),
})
export type Notification = z.infer<typeof NotificationSchema>

/** The result every response carries: any object, with an optional `_meta`. */
export const ResultSchema = z.looseObject({
  _meta: MetaSchema.optional(),
})
export type Result = z.infer<typeof ResultSchema>

/** A result that says only "done". */
export const EmptyResultSchema = ResultSchema
export type EmptyResult = z.infer<typeof EmptyResultSchema>

/** The params of a list request: an optional cursor from the previous page. */
export const PaginatedRequestParamsSchema = RequestParamsSchema.extend({
  cursor: CursorSchema.optional(),
})
export type PaginatedRequestParams = z.infer<typeof PaginatedRequestParamsSchema>

/** Any list request, whatever its method. */
export const PaginatedRequestSchema = z.looseObject({
  jsonrpc: z.literal('2.0'),
  id: RequestIdSchema,
  method: z.string(),
  params: PaginatedRequestParamsSchema.optional(),
})
export type PaginatedRequest = z.infer<typeof PaginatedRequestSchema>

/** A page of a list result: `nextCursor` is present when more pages follow. */
export const PaginatedResultSchema = ResultSchema.extend({
  nextCursor: CursorSchema.optional(),
})
export type PaginatedResult = z.infer<typeof PaginatedResultSchema>

/** Who a message is from or meant for. */
export const RoleSchema = z.enum(['assistant', 'user'])
export type Role = z.infer<typeof RoleSchema>

/** Hints to the client about how to use or display an object. */
export const AnnotationsSchema = z.looseObject({
  audience: z.array(RoleSchema).optional(),
  priority: z.number().min(0).max(1).optional(),
  lastModified: z.string().optional(),
})
export type Annotations = z.infer<typeof AnnotationsSchema>

/** An icon a client may show for a server, tool, prompt or resource. */
export const IconSchema = z.looseObject({
  src: z.string(),
  mimeType: z.string().optional(),
  sizes: z.array(z.string()).optional(),
  theme: z.enum(['dark', 'light']).optional(),
})
export type Icon = z.infer<typeof IconSchema>

/** The `icons` member several definitions share. */
export const IconsSchema = z.looseObject({
  icons: z.array(IconSchema).optional(),
})
export type Icons = z.infer<typeof IconsSchema>

/** A programmatic `name` and a human `title`. */
export const BaseMetadataSchema = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
})
export type BaseMetadata = z.infer<typeof BaseMetadataSchema>
