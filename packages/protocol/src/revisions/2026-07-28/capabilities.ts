/**
 * Capabilities in 2026-07-28. The client now declares its capabilities on every request (in
 * `_meta`), the server in `server/discover`. Both gain `extensions`; `tasks` left the core for
 * the `io.modelcontextprotocol/tasks` extension; `roots.listChanged` went with
 * `notifications/roots/list_changed`; and the open settings objects are typed as
 * {@link JSONObject}.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#extension-negotiation
 * @module
 */
import { z } from 'zod'
import * as trunk from '../2025-11-25/index.js'
import { JSONObjectSchema } from './json.js'

/** Extension or experimental id -> its settings; `{}` means "supported, no settings". */
const SettingsMapSchema = z.record(z.string(), JSONObjectSchema)

/** What a client supports, declared on every request in `_meta`. `{}` means nothing optional. */
export const ClientCapabilitiesSchema = trunk.ClientCapabilitiesSchema.omit({ tasks: true }).extend(
  {
    experimental: SettingsMapSchema.optional(),
    /** Deprecated in 2026-07-28 (SEP-2577). */
    roots: z.looseObject({}).optional(),
    /** Deprecated in 2026-07-28 (SEP-2577). */
    sampling: z
      .looseObject({
        context: JSONObjectSchema.optional(),
        tools: JSONObjectSchema.optional(),
      })
      .optional(),
    elicitation: z
      .looseObject({
        form: JSONObjectSchema.optional(),
        url: JSONObjectSchema.optional(),
      })
      .optional(),
    extensions: SettingsMapSchema.optional(),
  },
)
export type ClientCapabilities = z.infer<typeof ClientCapabilitiesSchema>

/** What a server supports, as `server/discover` reports it. */
export const ServerCapabilitiesSchema = trunk.ServerCapabilitiesSchema.omit({ tasks: true }).extend(
  {
    experimental: SettingsMapSchema.optional(),
    /** Deprecated in 2026-07-28 (SEP-2577). */
    logging: JSONObjectSchema.optional(),
    completions: JSONObjectSchema.optional(),
    extensions: SettingsMapSchema.optional(),
  },
)
export type ServerCapabilities = z.infer<typeof ServerCapabilitiesSchema>
