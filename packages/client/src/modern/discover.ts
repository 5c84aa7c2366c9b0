/**
 * The `server/discover` result, read and turned into what the session knows from `initialize`,
 * so the layers above the transport see the same server description in both eras.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/discover
 * @module
 */
import { LocalError, META_KEYS, v2026_07_28 } from '@mcp-sse/protocol'
import type { Implementation } from '../client/types.js'

/** A `server/discover` result. */
export type DiscoverResult = v2026_07_28.DiscoverResult

/** The discover result, validated; a `LocalError` of type `protocol` naming the URL if invalid. */
export function parseDiscoverResult(value: unknown, url: string): DiscoverResult {
  const parsed = v2026_07_28.DiscoverResultSchema.safeParse(value)
  if (parsed.success) return parsed.data
  throw new LocalError('protocol', `server/discover on ${url} answered with an invalid result`, {
    method: 'server/discover',
    url,
    cause: parsed.error,
  })
}

/**
 * The `InitializeResult` a session expects, from a discover result: the version requests carry,
 * the server's capabilities, its `serverInfo` (from `_meta`, which servers SHOULD send; the
 * host name otherwise) and its instructions.
 *
 * @example
 * ```ts
 * initializeResultFrom(discover, '2026-07-28', url)
 * // { protocolVersion: '2026-07-28', capabilities: { tools: {} }, serverInfo: { name: 'weather', version: '1.0.0' } }
 * ```
 */
export function initializeResultFrom(
  discover: DiscoverResult,
  protocolVersion: string,
  url: string,
): Record<string, unknown> {
  const serverInfo = discover._meta?.[META_KEYS.serverInfo]
  const result: Record<string, unknown> = {
    protocolVersion,
    capabilities: discover.capabilities,
    serverInfo: isImplementation(serverInfo)
      ? serverInfo
      : { name: new URL(url).host, version: 'unknown' },
  }
  if (discover.instructions !== undefined) result.instructions = discover.instructions
  return result
}

function isImplementation(value: unknown): value is Implementation {
  const candidate = value as { name?: unknown; version?: unknown } | null | undefined
  return typeof candidate?.name === 'string' && typeof candidate.version === 'string'
}
