/**
 * Protocol revisions and the two eras they belong to.
 *
 * MCP has two eras. **Legacy** revisions (2025-11-25 and earlier) agree on a version once, in
 * the `initialize` handshake, and keep it for a session. **Modern** revisions (2026-07-28 and
 * later) carry the version in every request's `_meta`, with no handshake.
 *
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#terminology
 * @module
 */

/** Every MCP revision this package models, oldest first. */
export const PROTOCOL_VERSIONS = [
  '2024-11-05',
  '2025-03-26',
  '2025-06-18',
  '2025-11-25',
  '2026-07-28',
] as const

/** One of {@link PROTOCOL_VERSIONS}. */
export type ProtocolVersion = (typeof PROTOCOL_VERSIONS)[number]

/**
 * The revisions that open with an `initialize` handshake and keep the negotiated version for a
 * session, oldest first.
 *
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#terminology
 */
export const LEGACY_PROTOCOL_VERSIONS = [
  '2024-11-05',
  '2025-03-26',
  '2025-06-18',
  '2025-11-25',
] as const satisfies readonly ProtocolVersion[]

/** One of {@link LEGACY_PROTOCOL_VERSIONS}. */
export type LegacyProtocolVersion = (typeof LEGACY_PROTOCOL_VERSIONS)[number]

/**
 * The revisions that declare the version, client capabilities and client info in each
 * request's `_meta`, with no handshake, oldest first.
 *
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#terminology
 */
export const MODERN_PROTOCOL_VERSIONS = ['2026-07-28'] as const satisfies readonly ProtocolVersion[]

/** One of {@link MODERN_PROTOCOL_VERSIONS}. */
export type ModernProtocolVersion = (typeof MODERN_PROTOCOL_VERSIONS)[number]

/** The newest revision. */
export const LATEST_PROTOCOL_VERSION = '2026-07-28' satisfies ModernProtocolVersion

/** The newest legacy revision: what a client puts in `initialize` when it falls back. */
export const LATEST_LEGACY_PROTOCOL_VERSION = '2025-11-25' satisfies LegacyProtocolVersion

/**
 * The version a Streamable HTTP server assumes for a request without an `MCP-Protocol-Version`
 * header when nothing else (such as the session) tells it the version. Clients older than
 * 2025-06-18 did not send the header.
 *
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#protocol-version-header
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#protocol-version-header
 */
export const DEFAULT_NEGOTIATED_PROTOCOL_VERSION = '2025-03-26' satisfies LegacyProtocolVersion

/** The two eras: `'legacy'` (initialize and sessions) and `'modern'` (per-request `_meta`). */
export const ERAS = ['legacy', 'modern'] as const

/** One of {@link ERAS}. */
export type Era = (typeof ERAS)[number]

const FIRST_MODERN_VERSION: ModernProtocolVersion = '2026-07-28'
const LAST_LEGACY_VERSION: LegacyProtocolVersion = '2025-11-25'
const DATE_VERSION = /^\d{4}-\d{2}-\d{2}$/

/**
 * The era a protocol version belongs to.
 *
 * The spec defines the eras by date: 2025-11-25 and earlier are legacy, 2026-07-28 and later
 * are modern. So a future `YYYY-MM-DD` version this package does not know yet still gets an
 * era; anything else (a malformed string, or a date between the two eras, which names no
 * revision) gets `undefined`.
 *
 * @example
 * ```ts
 * eraOf('2025-06-18') // 'legacy'
 * eraOf('2026-07-28') // 'modern'
 * eraOf('2027-01-01') // 'modern'
 * eraOf('latest') // undefined
 * ```
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#terminology
 */
export function eraOf(version: ProtocolVersion): Era
export function eraOf(version: string): Era | undefined
export function eraOf(version: string): Era | undefined {
  if (!DATE_VERSION.test(version)) return undefined
  // ISO dates compare correctly as strings.
  if (version >= FIRST_MODERN_VERSION) return 'modern'
  if (version <= LAST_LEGACY_VERSION) return 'legacy'
  return undefined
}

/**
 * Whether `version` is one of `supported` (by default, every revision this package models).
 * Accepts any value, so it can check a version read from the network.
 *
 * @example
 * ```ts
 * isSupportedVersion('2025-06-18') // true
 * isSupportedVersion('2025-06-18', ['2026-07-28']) // false
 * ```
 */
export function isSupportedVersion(version: unknown): version is ProtocolVersion
export function isSupportedVersion<V extends string>(
  version: unknown,
  supported: readonly V[],
): version is V
export function isSupportedVersion(
  version: unknown,
  supported: readonly string[] = PROTOCOL_VERSIONS,
): boolean {
  return typeof version === 'string' && supported.includes(version)
}

/**
 * The newest version in `versions`, or `undefined` when it is empty. Versions are dates, so the
 * newest is the greatest string.
 */
export function newestVersion<V extends string>(versions: Iterable<V>): V | undefined {
  let newest: V | undefined
  for (const version of versions) if (newest === undefined || version > newest) newest = version
  return newest
}

/** Versions as a list in a message: `2025-06-18, 2025-11-25`, or `none`. */
export function describeVersions(versions: readonly string[]): string {
  return versions.length === 0 ? 'none' : versions.join(', ')
}
