/**
 * Tools in 2026-07-28: list results are cacheable, `tools/call` may answer with an
 * `InputRequiredResult` and accepts a retry's `inputResponses` and `requestState`, and
 * `structuredContent` may be any JSON value. The tool definition itself is in
 * `tool-definition.ts`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/tools
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
import { ToolSchema } from './tool-definition.js'
import { InputRequiredResultSchema, InputResponseRequestParamsSchema } from './mrtr.js'

/** `tools/list`: asks for the server's tools, a page at a time. */
export const ListToolsRequestSchema = trunk.ListToolsRequestSchema.extend({
  params: PaginatedRequestParamsSchema,
})
export type ListToolsRequest = z.infer<typeof ListToolsRequestSchema>

/** A page of tools; cacheable. */
export const ListToolsResultSchema = trunk.ListToolsResultSchema.extend({
  ...resultShape,
  ...cacheableShape,
  tools: z.array(ToolSchema),
})
export type ListToolsResult = z.infer<typeof ListToolsResultSchema>

/** The response to `tools/list`. */
export const ListToolsResultResponseSchema = resultResponseSchema(ListToolsResultSchema)
export type ListToolsResultResponse = z.infer<typeof ListToolsResultResponseSchema>

/** The params of `tools/call`, with a retry's `inputResponses` and `requestState`. */
export const CallToolRequestParamsSchema = trunk.CallToolRequestParamsSchema.omit({
  task: true,
}).extend(InputResponseRequestParamsSchema.shape)
export type CallToolRequestParams = z.infer<typeof CallToolRequestParamsSchema>

/** `tools/call`: runs a tool. */
export const CallToolRequestSchema = trunk.CallToolRequestSchema.extend({
  params: CallToolRequestParamsSchema,
})
export type CallToolRequest = z.infer<typeof CallToolRequestSchema>

/** What a tool returned; `structuredContent` is any JSON value. */
export const CallToolResultSchema = trunk.CallToolResultSchema.extend({
  ...resultShape,
  structuredContent: z.unknown().optional(),
})
export type CallToolResult = z.infer<typeof CallToolResultSchema>

/** The response to `tools/call`: the tool's result, or a request for more input. */
export const CallToolResultResponseSchema = resultResponseSchema(
  z.union([InputRequiredResultSchema, CallToolResultSchema]),
)
export type CallToolResultResponse = z.infer<typeof CallToolResultResponseSchema>

/** `notifications/tools/list_changed`, delivered on a `subscriptions/listen` stream. */
export const ToolListChangedNotificationSchema = trunk.ToolListChangedNotificationSchema.extend({
  params: NotificationParamsSchema.optional(),
})
export type ToolListChangedNotification = z.infer<typeof ToolListChangedNotificationSchema>
