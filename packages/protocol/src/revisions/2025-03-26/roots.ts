/**
 * Roots in 2025-03-26: a root has no `_meta`. The request and notification are those of
 * 2025-06-18.
 * @see https://modelcontextprotocol.io/specification/2025-03-26/client/roots
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/roots.js'

/** A root; its `uri` is a `file://` URI. */
export const RootSchema = trunk.RootSchema.omit({ _meta: true })
export type Root = z.infer<typeof RootSchema>

/** The client's roots. */
export const ListRootsResultSchema = trunk.ListRootsResultSchema.extend({
  roots: z.array(RootSchema),
})
export type ListRootsResult = z.infer<typeof ListRootsResultSchema>
