/**
 * Remembering which wire a server spoke, so the next connection skips detection.
 * @module
 */
import type { TransportKind } from './types.js'

/**
 * Where `connect()` remembers what each URL spoke. The default keeps it in memory for the life
 * of the process; implement it over `localStorage`, a file or a database to keep it longer.
 */
export interface TransportMemory {
  get(url: string): TransportKind | undefined | Promise<TransportKind | undefined>
  set(url: string, kind: TransportKind): void | Promise<void>
}

/** A {@link TransportMemory} in a `Map`. */
export function createTransportMemory(): TransportMemory {
  const known = new Map<string, TransportKind>()
  return {
    get: (url) => known.get(url),
    set: (url, kind) => {
      known.set(url, kind)
    },
  }
}

/** The memory `connect()` uses when given none. */
export const defaultTransportMemory: TransportMemory = createTransportMemory()
