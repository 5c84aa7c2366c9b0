/**
 * Tools in 2024-11-05: no annotations, and results without audio.
 * @see https://modelcontextprotocol.io/specification/2024-11-05/server/tools
 * @module
 */
import { z } from 'zod'
import * as v2025_03_26 from '../2025-03-26/tools.js'
import { ContentSchema } from './content.js'

/** A tool the server offers. */
export const ToolSchema = v2025_03_26.ToolSchema.omit({ annotations: true })
export type Tool = z.infer<typeof ToolSchema>

/** A page of tools. */
export const ListToolsResultSchema = v2025_03_26.ListToolsResultSchema.extend({
  tools: z.array(ToolSchema),
})
export type ListToolsResult = z.infer<typeof ListToolsResultSchema>

/** A tool's result; a failure inside the tool is reported here with `isError: true`. */
export const CallToolResultSchema = v2025_03_26.CallToolResultSchema.extend({
  content: z.array(ContentSchema),
})
export type CallToolResult = z.infer<typeof CallToolResultSchema>
