/**
 * A tool's definition in 2026-07-28: `inputSchema` and `outputSchema` admit any JSON Schema
 * 2020-12 keywords (an output schema need not describe an object any more), and `execution`
 * (task support) left the core with tasks. Kept apart from `tools.ts` because sampling, which
 * MRTR depends on, needs it too.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/tools#tool
 * @module
 */
import type { z } from 'zod'
import * as trunk from '../2025-11-25/index.js'

const TrunkToolInputSchema = trunk.ToolSchema.shape.inputSchema

/** A tool the server offers. */
export const ToolSchema = trunk.ToolSchema.omit({ execution: true }).extend({
  /** A JSON Schema 2020-12 (unless `$schema` says otherwise) for an object. */
  inputSchema: TrunkToolInputSchema.omit({ properties: true, required: true }),
  /** A JSON Schema 2020-12 (unless `$schema` says otherwise) for `structuredContent`. */
  outputSchema: TrunkToolInputSchema.omit({
    properties: true,
    required: true,
    type: true,
  }).optional(),
})
export type Tool = z.infer<typeof ToolSchema>
