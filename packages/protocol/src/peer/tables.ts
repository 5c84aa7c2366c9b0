/**
 * The parts of a method table one peer validates with, picked once for its side.
 * @module
 */
import type { ZodType } from 'zod'
import type { MessageParams, PeerMethodTable, PeerRequestSchemas, PeerSide } from './types.js'

/** A method table seen from one side of the connection. */
export interface SideTables {
  /** The requests this peer receives: their params are validated. */
  readonly incomingRequests: Readonly<Record<string, PeerRequestSchemas>>
  /** The notifications this peer receives: their params are validated. */
  readonly incomingNotifications: Readonly<Record<string, ZodType>>
  /** The requests this peer sends: their results are validated. */
  readonly outgoingRequests: Readonly<Record<string, PeerRequestSchemas>>
}

/** The tables a peer on `side` uses. */
export function tablesFor(methods: PeerMethodTable, side: PeerSide): SideTables {
  return side === 'server'
    ? {
        incomingRequests: methods.clientRequests,
        incomingNotifications: methods.clientNotifications,
        outgoingRequests: methods.serverRequests,
      }
    : {
        incomingRequests: methods.serverRequests,
        incomingNotifications: methods.serverNotifications,
        outgoingRequests: methods.clientRequests,
      }
}

/** Own-property lookup: method names come from the network, and `toString` is not a method. */
export function lookup<T>(table: Readonly<Record<string, T>>, method: string): T | undefined {
  return Object.hasOwn(table, method) ? table[method] : undefined
}

/**
 * The schema of the result of a request this peer sends: the task result when the request asked
 * to run as a task (`params.task`) and the method has one, the ordinary result otherwise.
 */
export function resultSchemaOf(
  tables: SideTables,
  method: string,
  params: MessageParams | undefined,
): ZodType | undefined {
  const schemas = lookup(tables.outgoingRequests, method)
  if (schemas === undefined) return undefined
  return params?.task !== undefined && schemas.taskResult !== undefined
    ? schemas.taskResult
    : schemas.result
}
