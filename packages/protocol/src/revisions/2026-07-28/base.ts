/**
 * The generic shapes of 2026-07-28: request params that must carry the `_meta` envelope, results
 * that must say their `resultType`, and the cacheable results of the list and read methods.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#messages
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/index.js'
import {
  NotificationMetaObjectSchema,
  RequestMetaObjectSchema,
  ResultMetaObjectSchema,
} from './meta.js'

/** The params every request carries: `_meta` is required in 2026-07-28. */
export const RequestParamsSchema = z.looseObject({
  _meta: RequestMetaObjectSchema,
})
export type RequestParams = z.infer<typeof RequestParamsSchema>

/** The params every notification may carry. */
export const NotificationParamsSchema = z.looseObject({
  _meta: NotificationMetaObjectSchema.optional(),
})
export type NotificationParams = z.infer<typeof NotificationParamsSchema>

/**
 * What kind of result this is: `"complete"`, `"input_required"`, or a value an advertised
 * extension adds (the Tasks extension adds `"task"`). The schema admits any string; a client
 * MUST treat a value it does not recognize as invalid.
 */
export const ResultTypeSchema = z.string()
export type ResultType = z.infer<typeof ResultTypeSchema>

/** The members 2026-07-28 adds to every result; spread into a trunk result's `.extend()`. */
export const resultShape = {
  _meta: ResultMetaObjectSchema.optional(),
  resultType: ResultTypeSchema,
}

/**
 * The members of a cacheable result: a freshness hint in milliseconds (`0` means stale at once)
 * and whether shared caches may keep it.
 */
export const cacheableShape = {
  ttlMs: z.number().int().min(0),
  cacheScope: z.enum(['private', 'public']),
}

/**
 * Any result. `resultType` is required; a client that hears from a server of an earlier revision
 * (no `resultType`) MUST read the absence as `"complete"`.
 */
export const ResultSchema = trunk.ResultSchema.extend(resultShape)
export type Result = z.infer<typeof ResultSchema>

/** A result that says only "done". */
export const EmptyResultSchema = ResultSchema
export type EmptyResult = z.infer<typeof EmptyResultSchema>

/**
 * A result the client may cache: those of `server/discover`, `tools/list`, `prompts/list`,
 * `resources/list`, `resources/templates/list` and `resources/read`.
 */
export const CacheableResultSchema = ResultSchema.extend(cacheableShape)
export type CacheableResult = z.infer<typeof CacheableResultSchema>

/** The params of a list request: the `_meta` envelope and an optional cursor. */
export const PaginatedRequestParamsSchema = trunk.PaginatedRequestParamsSchema.extend({
  _meta: RequestMetaObjectSchema,
})
export type PaginatedRequestParams = z.infer<typeof PaginatedRequestParamsSchema>

/** Any list request: params are required now, because `_meta` is. */
export const PaginatedRequestSchema = trunk.PaginatedRequestSchema.extend({
  params: PaginatedRequestParamsSchema,
})
export type PaginatedRequest = z.infer<typeof PaginatedRequestSchema>

/** A page of a list result. */
export const PaginatedResultSchema = trunk.PaginatedResultSchema.extend(resultShape)
export type PaginatedResult = z.infer<typeof PaginatedResultSchema>
