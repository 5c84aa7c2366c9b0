/**
 * A revision as a codec: for each method, the schemas of its params and result. The peer engine
 * validates what arrives with the table of the revision a connection negotiated.
 * @module
 */
import type { ZodType } from 'zod'
import type { Era, ProtocolVersion } from '../versions.js'
import { revision2024_11_05 } from './2024-11-05/methods.js'
import { revision2025_03_26 } from './2025-03-26/methods.js'
import { revision2025_06_18 } from './2025-06-18/methods.js'
import { trunk } from './2025-11-25/methods.js'
import { revision2026_07_28 } from './2026-07-28/methods.js'

/** The schemas of one request method. */
export interface RequestMethodSchemas {
  /** The request's `params`; accepts `undefined` where the spec lets params be left out. */
  params: ZodType
  /** The result of an ordinary call. */
  result: ZodType
  /**
   * The result when the request asked to run as a task (`params.task`): a `CreateTaskResult`.
   * Absent for methods that cannot run as a task.
   */
  taskResult?: ZodType
}

/** Every method of a revision, by direction. Notifications map to their params schema. */
export interface MethodTable {
  /** Requests a client sends, answered by the server. */
  clientRequests: Record<string, RequestMethodSchemas>
  /** Requests a server sends, answered by the client. */
  serverRequests: Record<string, RequestMethodSchemas>
  /** Notifications a client sends. */
  clientNotifications: Record<string, ZodType>
  /** Notifications a server sends. */
  serverNotifications: Record<string, ZodType>
}

/** One protocol revision: its version, how sessions work in it, and its methods. */
export interface Revision<Methods extends MethodTable = MethodTable> {
  /** The version string, as sent in `protocolVersion` or the `MCP-Protocol-Version` header. */
  version: ProtocolVersion
  /** `legacy`: `initialize` and sessions; `modern`: stateless requests carrying `_meta`. */
  era: Era
  /** Whether JSON-RPC batches must be accepted (2025-03-26 only). */
  batches: boolean
  /** The schemas of every method. */
  methods: Methods
}

// One line per revision.
const revisions = {
  '2024-11-05': revision2024_11_05,
  '2025-03-26': revision2025_03_26,
  '2025-06-18': revision2025_06_18,
  '2025-11-25': trunk,
  '2026-07-28': revision2026_07_28,
} satisfies Partial<Record<ProtocolVersion, Revision>>

/** The versions {@link revision} knows. */
export type KnownRevisionVersion = keyof typeof revisions

/**
 * The revision of a protocol version, with its method table.
 *
 * @example
 * ```ts
 * const { methods } = revision('2025-11-25')
 * methods.clientRequests['tools/call'].params.parse({ name: 'echo' })
 * ```
 * @throws RangeError for a version this package does not model.
 */
export function revision<V extends KnownRevisionVersion>(version: V): (typeof revisions)[V]
export function revision(version: ProtocolVersion): Revision
export function revision(version: string): Revision {
  if (!Object.hasOwn(revisions, version)) {
    const known = Object.keys(revisions).join(', ')
    throw new RangeError(`Unknown MCP protocol revision: ${version} (known: ${known})`)
  }
  return revisions[version as KnownRevisionVersion]
}
