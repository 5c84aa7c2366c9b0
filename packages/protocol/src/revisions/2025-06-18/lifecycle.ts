/**
 * The session lifecycle in 2025-06-18: implementation info without description, icons or
 * website, capabilities without tasks or the sub-flags of sampling and elicitation, and requests
 * without the JSON-RPC envelope.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/basic/lifecycle
 * @module
 */
import type { z } from 'zod'
import { OpenObjectSchema } from '../2025-11-25/base.js'
import * as trunk from '../2025-11-25/lifecycle.js'
import { NOTIFICATION_ENVELOPE, PARAMS_META, REQUEST_ENVELOPE } from './jsonrpc.js'

/** The name and version of an MCP client or server; `title` is new in this revision. */
export const ImplementationSchema = trunk.ImplementationSchema.omit({
  description: true,
  icons: true,
  websiteUrl: true,
})
export type Implementation = z.infer<typeof ImplementationSchema>

/** What a client supports; `sampling` and `elicitation` are open objects without sub-flags. */
export const ClientCapabilitiesSchema = trunk.ClientCapabilitiesSchema.omit({ tasks: true }).extend(
  {
    sampling: OpenObjectSchema.optional(),
    elicitation: OpenObjectSchema.optional(),
  },
)
export type ClientCapabilities = z.infer<typeof ClientCapabilitiesSchema>

/** What a server offers. */
export const ServerCapabilitiesSchema = trunk.ServerCapabilitiesSchema.omit({ tasks: true })
export type ServerCapabilities = z.infer<typeof ServerCapabilitiesSchema>

/** `initialize`: the client's first request, which negotiates version and capabilities. */
export const InitializeRequestSchema = trunk.InitializeRequestSchema.omit(REQUEST_ENVELOPE).extend({
  params: trunk.InitializeRequestParamsSchema.omit(PARAMS_META).extend({
    capabilities: ClientCapabilitiesSchema,
    clientInfo: ImplementationSchema,
  }),
})
export type InitializeRequest = z.infer<typeof InitializeRequestSchema>

/** The server's answer to `initialize`. */
export const InitializeResultSchema = trunk.InitializeResultSchema.extend({
  capabilities: ServerCapabilitiesSchema,
  serverInfo: ImplementationSchema,
})
export type InitializeResult = z.infer<typeof InitializeResultSchema>

/** `notifications/initialized`: the client is ready for normal operation. */
export const InitializedNotificationSchema =
  trunk.InitializedNotificationSchema.omit(NOTIFICATION_ENVELOPE)
export type InitializedNotification = z.infer<typeof InitializedNotificationSchema>

/** `ping`: either side checks that the other is still there; the answer is an empty result. */
export const PingRequestSchema = trunk.PingRequestSchema.omit(REQUEST_ENVELOPE)
export type PingRequest = z.infer<typeof PingRequestSchema>
