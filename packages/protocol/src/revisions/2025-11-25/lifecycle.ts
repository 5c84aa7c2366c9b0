/**
 * The session lifecycle: initialization, capabilities, implementation info and ping.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle
 * @module
 */
import { z } from 'zod'
import {
  IconSchema,
  NotificationParamsSchema,
  OpenObjectSchema,
  RequestParamsSchema,
  ResultSchema,
} from './base.js'
import { notificationSchema, requestSchema } from './jsonrpc.js'

/** The name and version of an MCP client or server. */
export const ImplementationSchema = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  version: z.string(),
  description: z.string().optional(),
  icons: z.array(IconSchema).optional(),
  websiteUrl: z.string().optional(),
})
export type Implementation = z.infer<typeof ImplementationSchema>

/** A capability flag: present means supported; its object may carry settings. */
const FlagSchema = OpenObjectSchema.optional()

/** What a client supports. */
export const ClientCapabilitiesSchema = z.looseObject({
  experimental: z.record(z.string(), OpenObjectSchema).optional(),
  roots: z.looseObject({ listChanged: z.boolean().optional() }).optional(),
  sampling: z.looseObject({ context: FlagSchema, tools: FlagSchema }).optional(),
  elicitation: z.looseObject({ form: FlagSchema, url: FlagSchema }).optional(),
  tasks: z
    .looseObject({
      list: FlagSchema,
      cancel: FlagSchema,
      requests: z
        .looseObject({
          sampling: z.looseObject({ createMessage: FlagSchema }).optional(),
          elicitation: z.looseObject({ create: FlagSchema }).optional(),
        })
        .optional(),
    })
    .optional(),
})
export type ClientCapabilities = z.infer<typeof ClientCapabilitiesSchema>

/** What a server offers. */
export const ServerCapabilitiesSchema = z.looseObject({
  experimental: z.record(z.string(), OpenObjectSchema).optional(),
  logging: FlagSchema,
  completions: FlagSchema,
  prompts: z.looseObject({ listChanged: z.boolean().optional() }).optional(),
  resources: z
    .looseObject({ subscribe: z.boolean().optional(), listChanged: z.boolean().optional() })
    .optional(),
  tools: z.looseObject({ listChanged: z.boolean().optional() }).optional(),
  tasks: z
    .looseObject({
      list: FlagSchema,
      cancel: FlagSchema,
      requests: z
        .looseObject({
          tools: z.looseObject({ call: FlagSchema }).optional(),
        })
        .optional(),
    })
    .optional(),
})
export type ServerCapabilities = z.infer<typeof ServerCapabilitiesSchema>

/** The params of `initialize`. */
export const InitializeRequestParamsSchema = RequestParamsSchema.extend({
  protocolVersion: z.string(),
  capabilities: ClientCapabilitiesSchema,
  clientInfo: ImplementationSchema,
})
export type InitializeRequestParams = z.infer<typeof InitializeRequestParamsSchema>

/** `initialize`: the client's first request, which negotiates version and capabilities. */
export const InitializeRequestSchema = requestSchema('initialize', InitializeRequestParamsSchema)
export type InitializeRequest = z.infer<typeof InitializeRequestSchema>

/** The server's answer to `initialize`. */
export const InitializeResultSchema = ResultSchema.extend({
  protocolVersion: z.string(),
  capabilities: ServerCapabilitiesSchema,
  serverInfo: ImplementationSchema,
  instructions: z.string().optional(),
})
export type InitializeResult = z.infer<typeof InitializeResultSchema>

/** `notifications/initialized`: the client is ready for normal operation. */
export const InitializedNotificationSchema = notificationSchema(
  'notifications/initialized',
  NotificationParamsSchema.optional(),
)
export type InitializedNotification = z.infer<typeof InitializedNotificationSchema>

/** `ping`: either side checks that the other is still there; the answer is an empty result. */
export const PingRequestSchema = requestSchema('ping', RequestParamsSchema.optional())
export type PingRequest = z.infer<typeof PingRequestSchema>
