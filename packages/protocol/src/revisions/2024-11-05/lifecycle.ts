/**
 * The session lifecycle in 2024-11-05: servers without the completions capability.
 * @see https://modelcontextprotocol.io/specification/2024-11-05/basic/lifecycle
 * @module
 */
import type { z } from 'zod'
import * as v2025_06_18 from '../2025-06-18/lifecycle.js'
import * as v2025_03_26 from '../2025-03-26/lifecycle.js'

/** What a server offers. */
export const ServerCapabilitiesSchema = v2025_06_18.ServerCapabilitiesSchema.omit({
  completions: true,
})
export type ServerCapabilities = z.infer<typeof ServerCapabilitiesSchema>

/** The server's answer to `initialize`. */
export const InitializeResultSchema = v2025_03_26.InitializeResultSchema.extend({
  capabilities: ServerCapabilitiesSchema,
})
export type InitializeResult = z.infer<typeof InitializeResultSchema>
