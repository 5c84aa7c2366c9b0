/**
 * Protocol revisions and how the two eras tell each other apart.
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

export type ProtocolVersion = (typeof PROTOCOL_VERSIONS)[number]

/** The newest revision. */
export const LATEST_PROTOCOL_VERSION = '2026-07-28' satisfies ProtocolVersion
