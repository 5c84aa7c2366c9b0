/**
 * Tools in 2025-03-26: no `title`, `_meta` or output schema, and results without structured
 * content or resource links. (Tool annotations are new in this revision.)
 * @see https://modelcontextprotocol.io/specification/2025-03-26/server/tools
 * @module
 */
import { z } from 'zod'
import * as v2025_06_18 from '../2025-06-18/tools.js'
import { ContentSchema } from './content.js'

/** A tool the server offers. */
export const ToolSchema = v2025_06_18.ToolSchema.omit({
  _meta: true,
  title: true,
  outputSchema: true,
})
export type Tool = z.infer<typeof ToolSchema>

/** A page of tools. */
export const ListToolsResultSchema = v2025_06_18.ListToolsResultSchema.extend({
  tools: z.array(ToolSchema),
})
export type ListToolsResult = z.infer<typeof ListToolsResultSchema>

/** A tool's result; a failure inside the tool is reported here with `isError: true`. */
export const CallToolResultSchema = v2025_06_18.CallToolResultSchema.omit({
  structuredContent: true,
}).extend({ content: z.array(ContentSchema) })
export type CallToolResult = z.infer<typeof CallToolResultSchema>
