/**
 * `server/discover`, new in 2026-07-28: the server's supported protocol versions, capabilities
 * and identity in one cacheable result. Servers MUST implement it; clients MAY call it first, and
 * a dual-era client on stdio SHOULD, as its probe for the server's era.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/discover
 * @module
 */
import { z } from 'zod'
import { JSONRPCRequestSchema } from '../../jsonrpc/messages.js'
import { CacheableResultSchema, RequestParamsSchema } from './base.js'
import { ServerCapabilitiesSchema } from './capabilities.js'
import { resultResponseSchema } from './jsonrpc.js'

/** `server/discover`: its params hold nothing but the `_meta` envelope. */
export const DiscoverRequestSchema = JSONRPCRequestSchema.extend({
  method: z.literal('server/discover'),
  params: RequestParamsSchema,
})
export type DiscoverRequest = z.infer<typeof DiscoverRequestSchema>

/**
 * What the server supports. The server names itself in
 * `_meta["io.modelcontextprotocol/serverInfo"]`.
 */
export const DiscoverResultSchema = CacheableResultSchema.extend({
  /** The protocol versions the server implements; the client picks one for later requests. */
  supportedVersions: z.array(z.string()),
  capabilities: ServerCapabilitiesSchema,
  /** Guidance for the model on how to use this server. */
  instructions: z.string().optional(),
})
export type DiscoverResult = z.infer<typeof DiscoverResultSchema>

/** The response to `server/discover`. */
export const DiscoverResultResponseSchema = resultResponseSchema(DiscoverResultSchema)
export type DiscoverResultResponse = z.infer<typeof DiscoverResultResponseSchema>
