/**
 * The interface every client transport implements.
 * @module
 */
import type { JSONRPCMessage, LocalError, RequestId } from '@mcp-sse/protocol'

/** The wire a transport speaks: 2026-07-28 stateless HTTP, Streamable HTTP (2025), HTTP+SSE (2024). */
export type TransportKind = 'streamable-http' | 'sse' | 'stateless'

/** Where an incoming message came from. */
export interface MessageContext {
  /** The request whose response stream carried the message, if any. */
  relatedRequestId?: RequestId | undefined
}

/** Options for {@link ClientTransport.send}. */
export interface SendOptions {
  /** Aborts the HTTP exchange (not the JSON-RPC request: the peer sends the cancellation). */
  signal?: AbortSignal | undefined
  /**
   * The message may be sent again when its response stream broke before the server sent any
   * event id, since repeating it cannot do harm (a `tools/list`, a read-only tool).
   * @default false
   */
  idempotent?: boolean | undefined
}

/** What the session layer tells a transport after `initialize`. */
export interface SessionInfo {
  /** The session id the server assigned, if any. */
  sessionId?: string | undefined
  /** The negotiated protocol version, sent as `MCP-Protocol-Version`. */
  protocolVersion: string
}

/** How a transport's background streams are doing. */
export type StreamState = 'connected' | 'reconnecting'

/**
 * A client transport: moves JSON-RPC messages between the client and one server.
 *
 * `send()` of a request settles when the exchange is over: it resolves once the response was
 * delivered through `onMessage`, and rejects with a `LocalError` when the response cannot arrive
 * any more (an HTTP error, a broken stream that could not be resumed, a lost session). The
 * transport resumes and reconnects by itself before it gives up.
 */
export interface ClientTransport {
  /** The wire this transport speaks. */
  readonly kind: TransportKind
  /** The URL the transport was created with. */
  readonly url: string
  /** The session id the server assigned, once known. */
  readonly sessionId: string | undefined
  /** Opens what the transport needs before the first message. May be called again after a loss. */
  start(signal?: AbortSignal): Promise<void>
  /** Delivers one message; see the interface for when it settles. */
  send(message: JSONRPCMessage, options?: SendOptions): Promise<void>
  /** Sets the session headers for every later request. */
  setSession(session: SessionInfo): void
  /** Forgets the session, before a new `initialize`. */
  resetSession(): void
  /** Opens the stream for server-initiated messages, where the transport has one. */
  listen(): void
  /** Ends the session (HTTP DELETE where there is one) and aborts every stream. */
  close(): Promise<void>
  /** Every message from the server. */
  onMessage?: ((message: JSONRPCMessage, context: MessageContext) => void) | undefined
  /** The server no longer knows the session: a new `initialize` is needed. */
  onSessionLost?: ((error: LocalError) => void) | undefined
  /** A background stream broke and is being reconnected, or is connected again. */
  onStreamState?: ((state: StreamState) => void) | undefined
  /** A failure nobody awaits: a stream that cannot be reopened, a message that is not JSON-RPC. */
  onError?: ((error: LocalError) => void) | undefined
}
