/**
 * The `_meta` envelope a 2026-07-28 client puts on every request: the protocol version, the
 * client's capabilities and its identity, and the log level when the user asked for logs.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#meta
 * @module
 */
import { META_KEYS, type v2026_07_28 } from '@mcp-sse/protocol'
import type { ClientCapabilities, Implementation, LoggingLevel } from '../client/types.js'

/** Who the client is, as every modern request says it. */
export interface ModernIdentity {
  /** The version this request speaks; also the `MCP-Protocol-Version` header. */
  protocolVersion: string
  /** What the client supports for this request. */
  capabilities: v2026_07_28.ClientCapabilities
  /** The client's name and version. */
  clientInfo: Implementation
  /** The lowest level of `notifications/message` the server may send for the request. */
  logLevel?: LoggingLevel | undefined
}

type Params = Record<string, unknown>

/**
 * The capabilities a client declares, in their 2026-07-28 shape: `roots` without `listChanged`
 * (its notification is gone), no `tasks` (now an extension), everything else as declared.
 *
 * @example
 * ```ts
 * modernClientCapabilities({ roots: { listChanged: true }, elicitation: { form: {} } })
 * // { roots: {}, elicitation: { form: {} } }
 * ```
 */
export function modernClientCapabilities(
  capabilities: ClientCapabilities,
): v2026_07_28.ClientCapabilities {
  const { tasks: _tasks, roots, ...rest } = capabilities as ClientCapabilities & { tasks?: unknown }
  const modern: Params = { ...rest }
  if (roots !== undefined) {
    const { listChanged: _listChanged, ...settings } = roots
    modern.roots = settings
  }
  return modern
}

/** The reserved `_meta` entries for one request. */
export function modernMeta(identity: ModernIdentity): Params {
  const meta: Params = {
    [META_KEYS.protocolVersion]: identity.protocolVersion,
    [META_KEYS.clientCapabilities]: identity.capabilities,
    [META_KEYS.clientInfo]: identity.clientInfo,
  }
  if (identity.logLevel !== undefined) meta[META_KEYS.logLevel] = identity.logLevel
  return meta
}

/**
 * The params with the envelope added to their `_meta`. What the caller put in `_meta`
 * (`progressToken`, `traceparent`, ...) is kept; the reserved protocol keys are ours.
 *
 * @example
 * ```ts
 * withModernMeta({ name: 'echo', _meta: { progressToken: 1 } }, identity)
 * // { name: 'echo', _meta: { progressToken: 1, 'io.modelcontextprotocol/protocolVersion': '2026-07-28', ... } }
 * ```
 */
export function withModernMeta(params: Params | undefined, identity: ModernIdentity): Params {
  const existing = params?._meta
  const meta =
    typeof existing === 'object' && existing !== null && !Array.isArray(existing)
      ? (existing as Params)
      : {}
  return { ...params, _meta: { ...meta, ...modernMeta(identity) } }
}
