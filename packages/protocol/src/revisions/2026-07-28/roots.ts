/**
 * Roots in 2026-07-28 (deprecated by SEP-2577): `roots/list` travels inside an
 * `InputRequiredResult`, so it has neither `jsonrpc` nor `id`, and its result loses `_meta`.
 * `notifications/roots/list_changed` is gone.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/client/roots
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/index.js'
import { MetaObjectSchema } from './meta.js'

/** `roots/list` as an input request: a method and optional params, no envelope. */
export const ListRootsRequestSchema = trunk.ListRootsRequestSchema.omit({
  jsonrpc: true,
  id: true,
}).extend({
  params: z.looseObject({ _meta: MetaObjectSchema.optional() }).optional(),
})
export type ListRootsRequest = z.infer<typeof ListRootsRequestSchema>

/** The client's roots, as an input response. */
export const ListRootsResultSchema = trunk.ListRootsResultSchema.omit({ _meta: true })
export type ListRootsResult = z.infer<typeof ListRootsResultSchema>
