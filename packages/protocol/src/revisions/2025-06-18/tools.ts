/**
 * Tools in 2025-06-18: no icons, no `execution`, no `$schema` member in the input and output
 * schemas, and requests without the JSON-RPC envelope. Structured output is new in this revision.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/server/tools
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/tools.js'
import { ContentBlockSchema } from './content.js'
import {
  NOTIFICATION_ENVELOPE,
  PaginatedParamsSchema,
  PARAMS_META,
  REQUEST_ENVELOPE,
} from './jsonrpc.js'

/** A tool's input or output JSON Schema: an object schema, otherwise open. */
const ToolJsonSchemaSchema = trunk.ToolSchema.shape.inputSchema.omit({ $schema: true })

/** A tool the server offers. */
export const ToolSchema = trunk.ToolSchema.omit({ execution: true, icons: true }).extend({
  inputSchema: ToolJsonSchemaSchema,
  outputSchema: ToolJsonSchemaSchema.optional(),
})
export type Tool = z.infer<typeof ToolSchema>

/** `tools/list`: asks for the server's tools, a page at a time. */
export const ListToolsRequestSchema = trunk.ListToolsRequestSchema.omit(REQUEST_ENVELOPE).extend({
  params: PaginatedParamsSchema.optional(),
})
export type ListToolsRequest = z.infer<typeof ListToolsRequestSchema>

/** A page of tools. */
export const ListToolsResultSchema = trunk.ListToolsResultSchema.extend({
  tools: z.array(ToolSchema),
})
export type ListToolsResult = z.infer<typeof ListToolsResultSchema>

/** `tools/call`: runs a tool. Tasks do not exist yet, so neither does `params.task`. */
export const CallToolRequestSchema = trunk.CallToolRequestSchema.omit(REQUEST_ENVELOPE).extend({
  params: trunk.CallToolRequestParamsSchema.omit({ ...PARAMS_META, task: true }),
})
export type CallToolRequest = z.infer<typeof CallToolRequestSchema>

/** A tool's result; a failure inside the tool is reported here with `isError: true`. */
export const CallToolResultSchema = trunk.CallToolResultSchema.extend({
  content: z.array(ContentBlockSchema),
})
export type CallToolResult = z.infer<typeof CallToolResultSchema>

/** `notifications/tools/list_changed`: the list of tools changed. */
export const ToolListChangedNotificationSchema =
  trunk.ToolListChangedNotificationSchema.omit(NOTIFICATION_ENVELOPE)
export type ToolListChangedNotification = z.infer<typeof ToolListChangedNotificationSchema>
