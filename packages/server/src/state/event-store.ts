/**
 * Resumable streams: the EventStore interface and its bounded in-memory default.
 * @module
 */
import type { MaybePromise } from './types.js'

/**
 * Keeps the events of each SSE stream so that a client that lost its connection can resume with
 * `Last-Event-ID`. Events are numbered per stream from 1; the event id on the wire is
 * `<streamId>_<seq>`, so the id alone says which stream to replay.
 */
export interface EventStore {
  /** Stores one event (a serialised JSON-RPC message) and returns its sequence number. */
  append(sessionId: string, streamId: string, data: string): MaybePromise<number>
  /**
   * Calls `send` for every stored event of the stream after `afterSeq`, in order. Returns
   * `false` when the store knows nothing of the stream (never written, expired, deleted).
   */
  replay(
    sessionId: string,
    streamId: string,
    afterSeq: number,
    send: (seq: number, data: string) => void,
  ): MaybePromise<boolean>
  /** Forgets a stream (its response was delivered). */
  deleteStream(sessionId: string, streamId: string): MaybePromise<void>
  /** Forgets every stream of a session (it ended). */
  deleteSession(sessionId: string): MaybePromise<void>
}

/** Options of {@link MemoryEventStore}. */
export interface MemoryEventStoreOptions {
  /**
   * Events kept per stream; older ones are dropped first.
   * @default 100
   */
  maxEventsPerStream?: number
  /**
   * Streams kept in all; streams of the oldest sessions are dropped first.
   * @default 100_000
   */
  maxStreams?: number
}

interface StreamLog {
  /** The sequence number of the last event appended. */
  seq: number
  /** A ring of the last events; `data[seq % capacity]`. */
  data: string[]
}

/**
 * The default {@link EventStore}: bounded logs in this process. Appending the same string to many
 * streams (a broadcast) stores one reference per stream, not a copy.
 */
export class MemoryEventStore implements EventStore {
  readonly #maxEvents: number
  readonly #maxStreams: number
  readonly #sessions = new Map<string, Map<string, StreamLog>>()
  #streamCount = 0

  constructor(options: MemoryEventStoreOptions = {}) {
    this.#maxEvents = Math.max(1, options.maxEventsPerStream ?? 100)
    this.#maxStreams = Math.max(1, options.maxStreams ?? 100_000)
  }

  /** How many streams have stored events. */
  get streamCount(): number {
    return this.#streamCount
  }

  append(sessionId: string, streamId: string, data: string): number {
    let streams = this.#sessions.get(sessionId)
    if (streams === undefined) {
      streams = new Map()
      this.#sessions.set(sessionId, streams)
    }
    let log = streams.get(streamId)
    if (log === undefined) {
      log = { seq: 0, data: [] }
      streams.set(streamId, log)
      this.#streamCount += 1
      if (this.#streamCount > this.#maxStreams) this.#evictOldest()
    }
    log.seq += 1
    log.data[log.seq % this.#maxEvents] = data
    return log.seq
  }

  replay(
    sessionId: string,
    streamId: string,
    afterSeq: number,
    send: (seq: number, data: string) => void,
  ): boolean {
    const log = this.#sessions.get(sessionId)?.get(streamId)
    if (log === undefined) return false
    const first = Math.max(afterSeq + 1, log.seq - this.#maxEvents + 1, 1)
    for (let seq = first; seq <= log.seq; seq++) send(seq, log.data[seq % this.#maxEvents] ?? '')
    return true
  }

  deleteStream(sessionId: string, streamId: string): void {
    const streams = this.#sessions.get(sessionId)
    if (streams?.delete(streamId) === true) {
      this.#streamCount -= 1
      if (streams.size === 0) this.#sessions.delete(sessionId)
    }
  }

  deleteSession(sessionId: string): void {
    const streams = this.#sessions.get(sessionId)
    if (streams === undefined) return
    this.#streamCount -= streams.size
    this.#sessions.delete(sessionId)
  }

  // The oldest session (insertion order) loses its oldest stream.
  #evictOldest(): void {
    for (const [sessionId, streams] of this.#sessions) {
      for (const streamId of streams.keys()) {
        this.deleteStream(sessionId, streamId)
        return
      }
    }
  }
}
