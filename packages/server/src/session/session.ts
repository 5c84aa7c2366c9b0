/**
 * A session live on this instance: its data, its streams, and its Peer (created on demand).
 * @module
 */
import {
  LocalError,
  Peer,
  isSupportedVersion,
  revision,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type MethodTable,
  type MessageRoute,
  type RequestHandler,
  type RequestId,
} from '@mcp-sse/protocol'
import type { ContextSession, SessionInfo } from '../handlers/context.js'
import type { KeepAlive } from '../http/keep-alive.js'
import type { SseOpener } from '../http/sse-opener.js'
import type { SseSink } from '../http/sse-writer.js'
import type { EventStore } from '../state/event-store.js'
import type { SessionData } from '../state/session-store.js'
import { Stream, parseEventId, type ResponseMode, type StreamHost } from './stream.js'

/** What the peer engine passes to every handler of a session's requests. */
export interface RequestExtra {
  readonly session: LiveSession
}

/** What a session needs from the server that holds it. */
export interface SessionHost {
  readonly events: EventStore
  readonly keepAlive: KeepAlive
  readonly retryMs: number
  readonly closeConnectionsAfterMs: number
  readonly maxBufferedBytes: number
  /** The request handlers every session shares. */
  readonly handlers: ReadonlyMap<string, RequestHandler<RequestExtra>>
  /** Answers `initialize` (version negotiation, capabilities) and records it in the data. */
  initialize(session: LiveSession, request: JSONRPCRequest): JSONRPCMessage
  /** Persists a change of the session's data. */
  update(session: LiveSession, patch: Partial<SessionData>): void
  reportError(error: unknown): void
}

function isResponse(message: JSONRPCMessage): boolean {
  return !('method' in message)
}

function isRequest(message: JSONRPCMessage): boolean {
  return 'method' in message && 'id' in message && message.id !== undefined
}

function methodsOf(version: string | undefined): MethodTable {
  return revision(isSupportedVersion(version) ? version : '2025-11-25').methods
}

/**
 * One session on this instance. It routes what the Peer sends to exactly one stream: the stream
 * of the request it belongs to, else the standalone (GET) stream; on the 2024-11-05 wire, the one
 * SSE connection.
 */
export class LiveSession implements StreamHost, ContextSession {
  readonly data: SessionData
  readonly #host: SessionHost
  #info: SessionInfo | undefined
  #headers: Record<string, string> | undefined
  #peer: Peer<RequestExtra> | undefined
  #streams: Map<string, Stream> | undefined
  #byRequest: Map<RequestId, Stream> | undefined
  #standalone: Stream | undefined
  #legacy: SseSink | undefined
  #ended = false

  constructor(host: SessionHost, data: SessionData) {
    this.#host = host
    this.data = data
  }

  // --- StreamHost -------------------------------------------------------------------------------
  get sessionId(): string {
    return this.data.id
  }
  get events(): EventStore {
    return this.#host.events
  }
  get keepAlive(): KeepAlive {
    return this.#host.keepAlive
  }
  get retryMs(): number {
    return this.#host.retryMs
  }
  get closeConnectionsAfterMs(): number {
    return this.#host.closeConnectionsAfterMs
  }
  get maxBufferedBytes(): number {
    return this.#host.maxBufferedBytes
  }
  get headers(): Record<string, string> {
    this.#headers ??= { 'Mcp-Session-Id': this.data.id }
    return this.#headers
  }
  reportError(error: unknown): void {
    this.#host.reportError(error)
  }
  onDone(stream: Stream): void {
    if (this.#streams?.get(stream.id) === stream) this.#streams.delete(stream.id)
  }

  // --- state ------------------------------------------------------------------------------------

  /** The session's id. */
  get id(): string {
    return this.data.id
  }

  /** Whether the session ended. */
  get ended(): boolean {
    return this.#ended
  }

  /** Whether anything keeps the session busy: a connection, a running handler. */
  get active(): boolean {
    if (this.#peer !== undefined && !this.#peer.idle) return true
    if (this.#legacy !== undefined && !this.#legacy.closed) return true
    if (this.#streams !== undefined)
      for (const stream of this.#streams.values()) if (stream.connected) return true
    return false
  }

  /** Whether the request id belongs to a request still being answered. */
  hasPendingRequest(id: RequestId): boolean {
    return this.#byRequest?.has(id) === true
  }

  /** Changes the session's data and persists it. */
  update(patch: Partial<SessionData>): void {
    Object.assign(this.data, patch)
    if ('clientInfo' in patch || 'clientCapabilities' in patch || 'protocolVersion' in patch) {
      this.#info = undefined
    }
    this.#host.update(this, patch)
  }

  // --- ContextSession ---------------------------------------------------------------------------

  /** What handlers see of the session. */
  get info(): SessionInfo {
    const data = this.data
    this.#info ??= {
      id: data.id,
      transport: data.transport,
      protocolVersion: data.protocolVersion ?? '2025-03-26',
      clientInfo: data.clientInfo as SessionInfo['clientInfo'],
      clientCapabilities: data.clientCapabilities ?? {},
      identity: data.identity,
    }
    return this.#info
  }

  /** The level the client set with `logging/setLevel`. */
  get logLevel(): string | undefined {
    return this.data.logLevel
  }

  /** Ends the connection of the stream that carries a request (SEP-1699). */
  closeStreamOf(requestId: RequestId): void {
    this.#byRequest?.get(requestId)?.closeConnection()
  }

  // --- incoming ---------------------------------------------------------------------------------

  /**
   * Opens the stream that will carry the answers to a POST's requests. Call before
   * {@link LiveSession.receive}, so that nothing a handler sends can miss it.
   */
  openRequestStream(
    requestIds: RequestId[],
    batch: boolean,
    mode: ResponseMode,
    open: SseOpener,
  ): Stream {
    const stream = new Stream(this, this.#nextStreamId(), open, {
      kind: 'request',
      requestIds,
      batch,
      mode,
    })
    ;(this.#streams ??= new Map()).set(stream.id, stream)
    const byRequest = (this.#byRequest ??= new Map())
    for (const id of requestIds) byRequest.set(id, stream)
    return stream
  }

  /** Hands the client's messages to the session, in order. */
  receive(messages: readonly JSONRPCMessage[]): void {
    for (const message of messages) {
      if (this.#ended) return
      if ('method' in message) {
        if (message.method === 'initialize' && 'id' in message) {
          this.#route(this.#host.initialize(this, message as JSONRPCRequest), {
            relatedRequestId: (message as JSONRPCRequest).id,
          })
          continue
        }
        if (message.method === 'notifications/initialized' && !('id' in message)) {
          if (this.data.initialized !== true) this.update({ initialized: true })
          continue
        }
        if (!('id' in message) && this.#peer === undefined) {
          // A notification (cancelled, roots changed) with nothing running has nothing to act on.
          continue
        }
      } else if (this.#peer === undefined) {
        this.#host.reportError(
          new LocalError('protocol', `Session ${this.id}: a response to no pending request`),
        )
        continue
      }
      this.#peerOf().receive(message, { session: this })
      if (
        'method' in message &&
        message.method === 'notifications/cancelled' &&
        !('id' in message)
      ) {
        this.#cancelled((message.params as Record<string, unknown> | undefined)?.requestId)
      }
    }
  }

  /** Releases the stream of a request the client cancelled (the Peer sends no response). */
  #cancelled(requestId: unknown): void {
    if (typeof requestId !== 'string' && typeof requestId !== 'number') return
    const stream = this.#byRequest?.get(requestId)
    if (stream === undefined) return
    this.#byRequest?.delete(requestId)
    stream.cancelled(requestId)
  }

  /** Opens the standalone stream of a GET; `undefined` if one is already connected (409). */
  openStandalone(open: SseOpener): Response | undefined {
    if (this.#standalone?.connected === true) return undefined
    if (this.#standalone !== undefined) this.#standalone.end()
    const stream = new Stream(this, this.#nextStreamId(), open, { kind: 'standalone' })
    this.#standalone = stream
    ;(this.#streams ??= new Map()).set(stream.id, stream)
    return stream.takeOpened()
  }

  /**
   * Resumes the stream a `Last-Event-ID` names: replays what the client missed and continues it.
   * `undefined` when the id names no stream this session knows.
   */
  resume(lastEventId: string, open: SseOpener): Response | undefined {
    const parsed = parseEventId(lastEventId)
    if (parsed === undefined) return undefined
    const stream = this.#streams?.get(parsed.streamId)
    if (stream === undefined) return undefined
    return stream.resume(parsed.seq, open)
  }

  /** Attaches the one SSE connection of a 2024-11-05 session. */
  attachLegacy(connection: SseSink): void {
    this.#legacy = connection
  }

  /** The 2024-11-05 connection, if this is such a session. */
  get legacyConnection(): SseSink | undefined {
    return this.#legacy
  }

  /** The standalone stream, if the client opened one. */
  get standalone(): Stream | undefined {
    return this.#standalone
  }

  /** Sends a notification that belongs to no request (push, list_changed). */
  notify(method: string, params?: Record<string, unknown>): void {
    const message: JSONRPCMessage =
      params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params }
    this.#route(message, {})
  }

  /** Ends the session: aborts handlers, rejects pending requests, closes every connection. */
  end(reason: string): void {
    if (this.#ended) return
    this.#ended = true
    this.#peer?.close(reason)
    this.#peer = undefined
    if (this.#streams !== undefined) for (const stream of this.#streams.values()) stream.end()
    this.#streams = undefined
    this.#byRequest = undefined
    this.#standalone = undefined
    this.#legacy?.close()
  }

  // --- outgoing ---------------------------------------------------------------------------------

  #route(message: JSONRPCMessage, route: MessageRoute): void {
    if (this.#ended) {
      if (isRequest(message)) throw new LocalError('closed', `Session ${this.id} ended`)
      return
    }
    if (this.#legacy !== undefined) {
      if (this.#legacy.closed) {
        if (isRequest(message))
          throw new LocalError('closed', `The SSE stream of session ${this.id} closed`)
        return
      }
      this.#legacy.writeEvent({ data: JSON.stringify(message) })
      return
    }
    const related = route.relatedRequestId
    if (related !== undefined) {
      const stream = this.#byRequest?.get(related)
      if (stream !== undefined) {
        if (isResponse(message)) {
          this.#byRequest?.delete(related)
          stream.send(message)
          return
        }
        if (stream.acceptsNotifications()) {
          stream.send(message)
          return
        }
      }
    }
    if (isResponse(message)) {
      this.#host.reportError(
        new LocalError(
          'protocol',
          `Session ${this.id}: no stream for the response to ${JSON.stringify(related)}`,
        ),
      )
      return
    }
    if (this.#standalone !== undefined) {
      this.#standalone.send(message)
      return
    }
    if (isRequest(message)) {
      throw new LocalError(
        'closed',
        `Session ${this.id}: no stream to send ${(message as JSONRPCRequest).method} on (the client has no GET stream open)`,
      )
    }
    // A notification nobody listens for is dropped, as the spec allows.
  }

  #peerOf(): Peer<RequestExtra> {
    if (this.#peer !== undefined) return this.#peer
    this.#peer = new Peer<RequestExtra>({
      side: 'server',
      methods: methodsOf(this.data.protocolVersion),
      // One handler table for every session of the server, not a copy per Peer.
      sharedHandlers: { requests: this.#host.handlers },
      // Ids of server-to-client requests outlive the Peer, so a re-created one never reuses one.
      nextRequestId: () => {
        const id = this.data.nextRequestId
        this.update({ nextRequestId: id + 1 })
        return id
      },
      send: (message, route) => {
        this.#route(message, route)
      },
      onError: (error) => {
        this.#host.reportError(error)
      },
      onUnhandledNotification: () => {},
    })
    return this.#peer
  }

  /**
   * Drops the Peer of a session that has nothing in flight (memory: an idle session keeps none).
   * Called by the idle sweep rather than after every request, so a busy session does not build
   * a Peer per call.
   */
  releasePeer(): void {
    if (this.#peer?.idle === true) this.#peer = undefined
  }

  #nextStreamId(): string {
    const id = this.data.nextStreamId
    this.update({ nextStreamId: id + 1 })
    return id.toString(36)
  }
}
