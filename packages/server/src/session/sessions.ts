/**
 * The sessions of one server on this instance: creation, lookup (here or in the shared store),
 * idle expiry with one timer, and broadcast fan-out.
 * @module
 */
import type { JSONRPCMessage, JSONRPCRequest, RequestHandler } from '@mcp-sse/protocol'
import { answerInitialize, type InitializeAnswer } from '../handlers/initialize.js'
import { passesLevel } from '../handlers/log-level.js'
import { KeepAlive, unref } from '../http/keep-alive.js'
import { sharedMessageEvent } from '../http/sse-writer.js'
import type { EventStore } from '../state/event-store.js'
import { channels, type BusMessage, type MessageBus } from '../state/message-bus.js'
import type { SessionData, SessionStore, SessionTransport } from '../state/session-store.js'
import { LiveSession, type RequestExtra, type SessionHost } from './session.js'
import { createSessionId } from './session-id.js'

/** The resolved options the session manager runs with. */
export interface SessionManagerOptions {
  store: SessionStore
  events: EventStore
  bus: MessageBus
  keepAliveMs: number
  retryMs: number
  closeConnectionsAfterMs: number
  maxBufferedBytes: number
  idleTimeoutMs: number
  handlers: ReadonlyMap<string, RequestHandler<RequestExtra>>
  /** The current answer to `initialize` (capabilities can change as definitions are added). */
  initializeAnswer: () => InitializeAnswer
  reportError: (error: unknown) => void
}

/** Every session of one server held by this instance. */
export class SessionManager implements SessionHost {
  readonly events: EventStore
  readonly keepAlive: KeepAlive
  readonly retryMs: number
  readonly closeConnectionsAfterMs: number
  readonly maxBufferedBytes: number
  readonly handlers: ReadonlyMap<string, RequestHandler<RequestExtra>>
  readonly #options: SessionManagerOptions
  readonly #live = new Map<string, LiveSession>()
  #sweeper: ReturnType<typeof setInterval> | undefined
  #unsubscribe: (() => void) | undefined
  #unsubscribeSessions: (() => void) | undefined

  constructor(options: SessionManagerOptions) {
    this.#options = options
    this.events = options.events
    this.keepAlive = new KeepAlive(options.keepAliveMs)
    this.retryMs = options.retryMs
    this.closeConnectionsAfterMs = options.closeConnectionsAfterMs
    this.maxBufferedBytes = options.maxBufferedBytes
    this.handlers = options.handlers
  }

  /** Sessions live on this instance. */
  get live(): ReadonlyMap<string, LiveSession> {
    return this.#live
  }

  /** Starts listening for broadcasts and the idle sweep. Idempotent. */
  start(): void {
    if (this.#unsubscribe !== undefined) return
    this.#unsubscribe = this.#options.bus.subscribe(channels.broadcast, (message) => {
      if (message.type === 'broadcast') this.#fanOut(message.data, message.level)
    })
    this.#unsubscribeSessions = this.#options.bus.subscribe(channels.sessions, (message) => {
      if (message.type !== 'session-closed') return
      // Ended on another instance (or here, already done): drop what this instance holds.
      const session = this.#live.get(message.sessionId)
      if (session === undefined) return
      session.end('session ended')
      this.#live.delete(message.sessionId)
    })
    if (this.#options.idleTimeoutMs > 0) {
      const every = Math.max(1000, Math.min(60_000, Math.floor(this.#options.idleTimeoutMs / 2)))
      this.#sweeper = setInterval(() => {
        this.sweep(Date.now())
      }, every)
      unref(this.#sweeper)
    }
  }

  // --- SessionHost ------------------------------------------------------------------------------

  initialize(session: LiveSession, request: JSONRPCRequest): JSONRPCMessage {
    const { response, patch } = answerInitialize(
      request,
      session.data,
      this.#options.initializeAnswer(),
    )
    if (patch !== undefined) session.update(patch)
    return response
  }

  update(session: LiveSession, patch: Partial<SessionData>): void {
    const stored = this.#options.store.update(session.id, patch)
    if (stored instanceof Promise)
      stored.catch((error: unknown) => {
        this.reportError(error)
      })
  }

  reportError(error: unknown): void {
    this.#options.reportError(error)
  }

  // --- lifecycle ----------------------------------------------------------------------------------

  /** Creates a session with a fresh crypto-random id. */
  async create(transport: SessionTransport, identity: string | undefined): Promise<LiveSession> {
    const now = Date.now()
    const data: SessionData = {
      id: createSessionId(),
      transport,
      nextRequestId: 1,
      nextStreamId: 0,
      createdAt: now,
      lastSeenAt: now,
    }
    if (identity !== undefined) data.identity = identity
    await this.#options.store.create(data)
    const session = new LiveSession(this, data)
    this.#live.set(data.id, session)
    return session
  }

  /**
   * The session with this id: live here, or known to the shared store (opened on another
   * instance). `undefined` when it does not exist or ended.
   */
  find(id: string): LiveSession | undefined | Promise<LiveSession | undefined> {
    const live = this.#live.get(id)
    // Synchronous when the session is live here: the common case costs no promise.
    if (live !== undefined) return live.ended ? undefined : live
    return this.#load(id)
  }

  async #load(id: string): Promise<LiveSession | undefined> {
    const data = await this.#options.store.get(id)
    // A 2024-11-05 session lives where its SSE connection is; it cannot move.
    if (data === undefined || data.transport !== 'streamable-http') return undefined
    const session = this.#live.get(id) ?? new LiveSession(this, data)
    this.#live.set(id, session)
    return session
  }

  /** Ends a session everywhere: here, in the stores, and on other instances. */
  async end(session: LiveSession, reason: string): Promise<void> {
    session.end(reason)
    this.#live.delete(session.id)
    await this.#options.store.delete(session.id)
    await this.events.deleteSession(session.id)
    await this.#options.bus.publish(channels.sessions, {
      type: 'session-closed',
      sessionId: session.id,
    })
  }

  /** Ends sessions idle for longer than the timeout (no connection, nothing running). */
  sweep(now: number): void {
    const limit = now - this.#options.idleTimeoutMs
    for (const session of this.#live.values()) {
      session.releasePeer()
      if (session.active) {
        session.data.lastSeenAt = now
        continue
      }
      if (session.data.lastSeenAt < limit) {
        this.end(session, 'idle timeout').catch((error: unknown) => {
          this.reportError(error)
        })
      }
    }
  }

  // --- push -------------------------------------------------------------------------------------

  /** Sends a notification to one session; `false` if it is not live on this instance. */
  notify(sessionId: string, method: string, params?: Record<string, unknown>): boolean {
    const session = this.#live.get(sessionId)
    if (session === undefined || session.ended) return false
    session.notify(method, params)
    return true
  }

  /** Sends a notification to every session on every instance (through the bus). */
  async broadcast(method: string, params?: Record<string, unknown>): Promise<void> {
    const data = JSON.stringify(
      params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params },
    )
    const message: BusMessage = { type: 'broadcast', data }
    if (method === 'notifications/message' && typeof params?.level === 'string')
      message.level = params.level
    await this.#options.bus.publish(channels.broadcast, message)
  }

  /** Writes one serialised notification to every open stream here: encoded once, shared bytes. */
  #fanOut(data: string, level: string | undefined): void {
    const event = sharedMessageEvent(data)
    for (const session of this.#live.values()) {
      if (session.ended) continue
      if (level !== undefined && !passesLevel(level, session.data.logLevel)) continue
      const legacy = session.legacyConnection
      if (legacy !== undefined) {
        legacy.write(event.bytes)
        continue
      }
      session.standalone?.sendShared(data, event)
    }
  }

  /** Ends every session here and stops the timers. */
  close(reason: string): void {
    this.#unsubscribe?.()
    this.#unsubscribe = undefined
    this.#unsubscribeSessions?.()
    this.#unsubscribeSessions = undefined
    if (this.#sweeper !== undefined) clearInterval(this.#sweeper)
    this.#sweeper = undefined
    for (const session of this.#live.values()) session.end(reason)
    this.#live.clear()
    this.keepAlive.stop()
  }
}
