/**
 * Where session data lives: an interface, and the in-memory default.
 * @module
 */
import type { MaybePromise } from './types.js'

/** Which wire a session was opened on. */
export type SessionTransport = 'streamable-http' | 'sse'

/**
 * Everything an instance needs to answer a request for a session it has never seen: plain JSON,
 * so a shared store (Redis, a database) can hold it.
 */
export interface SessionData {
  /** The session id (`Mcp-Session-Id`, or the `sessionId` of a 2024-11-05 message endpoint). */
  id: string
  /** The wire the session was opened on. */
  transport: SessionTransport
  /** The protocol version negotiated by `initialize`; absent until then. */
  protocolVersion?: string
  /** The client's `clientInfo` from `initialize`. */
  clientInfo?: Record<string, unknown>
  /** The client's `capabilities` from `initialize`. */
  clientCapabilities?: Record<string, unknown>
  /** Whether `notifications/initialized` arrived. */
  initialized?: boolean
  /** The level set by `logging/setLevel`; absent means every level is sent. */
  logLevel?: string
  /** Resource URIs the client subscribed to. */
  subscriptions?: string[]
  /** The principal that created the session (from the `identify` hook). */
  identity?: string
  /** The next id for a server-to-client request: ids are never reused within a session. */
  nextRequestId: number
  /** The next stream id: stream ids are never reused within a session. */
  nextStreamId: number
  /** `Date.now()` at creation. */
  createdAt: number
  /** `Date.now()` at the last request. */
  lastSeenAt: number
}

/**
 * Stores session data. The server calls it on `initialize` (create), on each request it cannot
 * answer from memory (get), when the session changes (update) and when it ends (delete).
 * Implementations expire sessions on their own as well (a TTL in Redis, say); the server also
 * deletes idle sessions it holds.
 */
export interface SessionStore {
  /** Saves a new session. */
  create(data: SessionData): MaybePromise<void>
  /** The session's data, or `undefined` when it does not exist (never created, expired, deleted). */
  get(id: string): MaybePromise<SessionData | undefined>
  /** Merges changes into a session; does nothing if it no longer exists. */
  update(id: string, patch: Partial<Omit<SessionData, 'id'>>): MaybePromise<void>
  /** Removes a session. */
  delete(id: string): MaybePromise<void>
}

/**
 * The default {@link SessionStore}: a `Map` in this process. `get` returns the stored object
 * itself (no copy), which the server relies on only for speed, never for correctness.
 */
export class MemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, SessionData>()

  /** How many sessions are stored. */
  get size(): number {
    return this.#sessions.size
  }

  create(data: SessionData): void {
    this.#sessions.set(data.id, data)
  }

  get(id: string): SessionData | undefined {
    return this.#sessions.get(id)
  }

  update(id: string, patch: Partial<Omit<SessionData, 'id'>>): void {
    const data = this.#sessions.get(id)
    if (data !== undefined) Object.assign(data, patch)
  }

  delete(id: string): void {
    this.#sessions.delete(id)
  }
}
