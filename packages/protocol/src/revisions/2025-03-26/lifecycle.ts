/**
 * The session lifecycle in 2025-03-26: implementation info without `title`, and clients without
 * the elicitation capability. (The completions capability is new in this revision.)
 * @see https://modelcontextprotocol.io/specification/2025-03-26/basic/lifecycle
 * @module
 */
import type { z } from 'zod'
import * as v2025_06_18 from '../2025-06-18/lifecycle.js'

/** The name and version of an MCP client or server. */
export const ImplementationSchema = v2025_06_18.ImplementationSchema.omit({ title: true })
export type Implementation = z.infer<typeof ImplementationSchema>

/** What a client supports. */
export const ClientCapabilitiesSchema = v2025_06_18.ClientCapabilitiesSchema.omit({
  elicitation: true,
})
export type ClientCapabilities = z.infer<typeof ClientCapabilitiesSchema>

const params = v2025_06_18.InitializeRequestSchema.shape.params

/** `initialize`: the client's first request, which negotiates version and capabilities. */
export const InitializeRequestSchema = v2025_06_18.InitializeRequestSchema.extend({
  params: params.extend({
    capabilities: ClientCapabilitiesSchema,
    clientInfo: ImplementationSchema,
  }),
})
export type InitializeRequest = z.infer<typeof InitializeRequestSchema>

/** The server's answer to `initialize`. */
export const InitializeResultSchema = v2025_06_18.InitializeResultSchema.extend({
  serverInfo: ImplementationSchema,
})
export type InitializeResult = z.infer<typeof InitializeResultSchema>
