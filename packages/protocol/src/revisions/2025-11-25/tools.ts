/**
 * Tools: functions a server exposes for the model to call.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/server/tools
 * @module
 */
import { z } from 'zod'
import {
  IconSchema,
  MetaSchema,
  NotificationParamsSchema,
  OpenObjectSchema,
  PaginatedRequestParamsSchema,
  PaginatedResultSchema,
  ResultSchema,
} from './base.js'
import { ContentBlockSchema } from './content.js'
import { notificationSchema, requestSchema } from './jsonrpc.js'
import { TaskAugmentedRequestParamsSchema } from './tasks.js'

/**
 * A tool's input or output JSON Schema: an object schema, otherwise open, so `$defs`,
 * `additionalProperties` and every other keyword pass through untouched.
 */
const ToolJsonSchemaSchema = z.looseObject({
  $schema: z.string().optional(),
  type: z.literal('object'),
  properties: z.record(z.string(), OpenObjectSchema).optional(),
  required: z.array(z.string()).optional(),
})

/** Hints about a tool's behaviour. Untrusted unless the server is. */
export const ToolAnnotationsSchema = z.looseObject({
  title: z.string().optional(),
  readOnlyHint: z.boolean().optional(),
  destructiveHint: z.boolean().optional(),
  idempotentHint: z.boolean().optional(),
  openWorldHint: z.boolean().optional(),
})
export type ToolAnnotations = z.infer<typeof ToolAnnotationsSchema>

/** How a tool may be run; `taskSupport` says whether it may run as a task. */
export const ToolExecutionSchema = z.looseObject({
  taskSupport: z.enum(['forbidden', 'optional', 'required']).optional(),
})
export type ToolExecution = z.infer<typeof ToolExecutionSchema>

/** A tool the server offers. */
export const ToolSchema = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  inputSchema: ToolJsonSchemaSchema,
  outputSchema: ToolJsonSchemaSchema.optional(),
  annotations: ToolAnnotationsSchema.optional(),
  execution: ToolExecutionSchema.optional(),
  icons: z.array(IconSchema).optional(),
  _meta: MetaSchema.optional(),
})
export type Tool = z.infer<typeof ToolSchema>

/** `tools/list`: asks for the server's tools, a page at a time. */
export const ListToolsRequestSchema = requestSchema(
  'tools/list',
  PaginatedRequestParamsSchema.optional(),
)
export type ListToolsRequest = z.infer<typeof ListToolsRequestSchema>

/** A page of tools. */
export const ListToolsResultSchema = PaginatedResultSchema.extend({
  tools: z.array(ToolSchema),
})
export type ListToolsResult = z.infer<typeof ListToolsResultSchema>

/** The params of `tools/call`. */
export const CallToolRequestParamsSchema = TaskAugmentedRequestParamsSchema.extend({
  name: z.string(),
  arguments: OpenObjectSchema.optional(),
})
export type CallToolRequestParams = z.infer<typeof CallToolRequestParamsSchema>

/** `tools/call`: runs a tool. */
export const CallToolRequestSchema = requestSchema('tools/call', CallToolRequestParamsSchema)
export type CallToolRequest = z.infer<typeof CallToolRequestSchema>

/**
 * A tool's result. A failure inside the tool is reported here with `isError: true`, so the
 * model can see it; only protocol failures are JSON-RPC errors.
 */
export const CallToolResultSchema = ResultSchema.extend({
  content: z.array(ContentBlockSchema),
  structuredContent: OpenObjectSchema.optional(),
  isError: z.boolean().optional(),
})
export type CallToolResult = z.infer<typeof CallToolResultSchema>

/** `notifications/tools/list_changed`: the list of tools changed. */
export const ToolListChangedNotificationSchema = notificationSchema(
  'notifications/tools/list_changed',
  NotificationParamsSchema.optional(),
)
export type ToolListChangedNotification = z.infer<typeof ToolListChangedNotificationSchema>
