/**
 * The session: the peer engine on top of a transport, `initialize`, and the healing: a lost
 * session is re-initialised once for everyone waiting, and what is safe is sent again.
 * @module
 */
import {
  isJSONRPCRequest,
  isSupportedVersion,
  LEGACY_PROTOCOL_VERSIONS,
  LocalError,
  MODERN_PROTOCOL_VERSIONS,
  Peer,
  revision,
  v2025_11_25,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type MessageParams,
  type ProtocolVersion,
  type RequestId,
  type RequestOptions,
} from '@mcp-sse/protocol'
import { reconnectDelay, sleep, type ResolvedReconnectOptions } from '../transport/reconnect.js'
import type { ClientTransport, MessageContext } from '../transport/types.js'
import { isRetryable, isSafeMethod } from './recovery.js'
import { StateMachine, type ConnectionState, type StateListener } from './state.js'

/** What the server said in answer to `initialize`. */
export type InitializeResult = v2025_11_25.InitializeResult

/** Options of a {@link Session}. */
export interface SessionOptions {
  transport: ClientTransport
  clientInfo: v2025_11_25.Implementation
  capabilities: v2025_11_25.ClientCapabilities
  /** The version asked for in `initialize`. */
  protocolVersion: string
  /** The default timeout of a request, in milliseconds. */
  timeout: number
  /** How many times one request may be sent again after its session was lost. */
  maxRetries: number
  reconnect: ResolvedReconnectOptions
  /** Receives every message before the peer does (to route events to streaming calls). */
  onMessage?: ((message: JSONRPCMessage, context: MessageContext) => void) | undefined
  /** Runs after every successful (re-)initialisation: restore subscriptions and the log level. */
  onReady?: ((initial: boolean) => Promise<void>) | undefined
  onError: (error: Error) => void
}

/** Per-request options the session understands beyond the peer's. */
export interface SessionRequestOptions<Result> extends RequestOptions<Result> {
  /** Sending the request twice is harmless. @default whether the method only reads */
  idempotent?: boolean | undefined
  /** Told the JSON-RPC id of each attempt, as it is sent. */
  onSent?: ((id: RequestId) => void) | undefined
}

/** One client's session with one server, healed when it is lost. */
export class Session {
  readonly peer: Peer<MessageContext | undefined>
  readonly transport: ClientTransport
  readonly #options: SessionOptions
  readonly #state = new StateMachine()
  #initialize: InitializeResult | undefined
  #recovering: Promise<void> | undefined
  #epoch = 0
  // The peer calls `send` synchronously inside `request()`: this carries the caller's hint there.
  #nextHint: { idempotent: boolean; onSent?: ((id: RequestId) => void) | undefined } | undefined

  constructor(options: SessionOptions) {
    this.#options = options
    this.transport = options.transport
    this.peer = new Peer<MessageContext | undefined>({
      side: 'client',
      defaultTimeout: options.timeout,
      // On 2026-07-28 HTTP, closing the request's stream is the cancellation.
      notifyCancellation: options.transport.kind !== 'stateless',
      send: (message, route) => {
        const idempotent = isJSONRPCRequest(message) ? this.#takeHint(message) : undefined
        return this.transport.send(message, { signal: route.signal, idempotent })
      },
      onError: options.onError,
    })
    this.transport.onMessage = (message, context) => {
      options.onMessage?.(message, context)
      this.peer.receive(message, context)
    }
    this.transport.onSessionLost = (error) => {
      this.#lost(error)
    }
    this.transport.onStreamState = (state) => {
      if (this.#recovering !== undefined) return
      this.#state.set(state === 'connected' ? 'ready' : 'reconnecting')
    }
    this.transport.onError = options.onError
    this.peer.setRequestHandler('ping', () => ({}))
  }

  /** The answer to the latest `initialize`. */
  get server(): InitializeResult {
    if (this.#initialize === undefined) throw new Error('The session is not initialised yet')
    return this.#initialize
  }

  get state(): ConnectionState {
    return this.#state.state
  }

  onStateChange(listener: StateListener): () => void {
    return this.#state.subscribe(listener)
  }

  /** Starts the transport and initialises. */
  async open(signal?: AbortSignal): Promise<void> {
    this.#state.set('connecting')
    try {
      await this.transport.start(signal)
      await this.#handshake(signal)
      await this.#options.onReady?.(true)
    } catch (error) {
      await this.close()
      throw error
    }
    this.#state.set('ready')
  }

  /** Sends a request; after a lost session, sends it again when that is safe. */
  async request<Result>(
    method: string,
    params: MessageParams | undefined,
    options: SessionRequestOptions<Result> = {},
  ): Promise<Result> {
    const idempotent = options.idempotent ?? isSafeMethod(method)
    for (let attempt = 0; ; attempt++) {
      // While a stream is down or the session is being re-established, the server is likely
      // unreachable: wait (within the request's own timeout) instead of failing at once.
      if (this.#state.state === 'reconnecting') {
        await this.#state.settled(options.timeout ?? this.#options.timeout, options.signal)
      }
      if (this.#recovering !== undefined) await this.#recovering.catch(() => {})
      const epoch = this.#epoch
      this.#nextHint = { idempotent, onSent: options.onSent }
      try {
        return await this.peer.request<Result>(method, params, options)
      } catch (error) {
        this.#nextHint = undefined
        const lost = this.#epoch !== epoch || this.#recovering !== undefined
        if (!lost || attempt >= this.#options.maxRetries || !isRetryable(error, idempotent)) {
          throw lost && error instanceof LocalError && !isRetryable(error, idempotent)
            ? sessionLostDuring(method, this.transport.url, error)
            : error
        }
      }
    }
  }

  /** Sends a notification; dropped while the session is being re-established. */
  async notify(method: string, params?: MessageParams): Promise<void> {
    if (this.#recovering !== undefined) await this.#recovering
    await this.peer.notify(method, params)
  }

  async close(): Promise<void> {
    if (this.#state.state === 'closed') return
    this.#state.set('closed')
    this.peer.close('the client closed the connection')
    await this.transport.close()
  }

  #takeHint(request: JSONRPCRequest): boolean {
    const hint = this.#nextHint
    this.#nextHint = undefined
    if (hint === undefined) return isSafeMethod(request.method)
    hint.onSent?.(request.id)
    return hint.idempotent
  }

  async #handshake(signal?: AbortSignal): Promise<void> {
    const { capabilities, clientInfo, protocolVersion } = this.#options
    const requestOptions: RequestOptions<InitializeResult> = {
      resultSchema: v2025_11_25.InitializeResultSchema,
    }
    if (signal !== undefined) requestOptions.signal = signal
    this.#nextHint = { idempotent: false }
    const result = await this.peer.request<InitializeResult>(
      'initialize',
      { protocolVersion, capabilities, clientInfo },
      requestOptions,
    )
    const version = result.protocolVersion
    // The stateless transport answers initialize from server/discover, with the modern version.
    const allowed: readonly ProtocolVersion[] =
      this.transport.kind === 'stateless' ? MODERN_PROTOCOL_VERSIONS : LEGACY_PROTOCOL_VERSIONS
    if (!isSupportedVersion(version, allowed)) {
      throw new LocalError(
        'protocol',
        `The server at ${this.transport.url} answered initialize with protocol version ${version}, which this client does not speak (it speaks ${allowed.join(', ')})`,
        { method: 'initialize', url: this.transport.url },
      )
    }
    this.#initialize = result
    this.transport.setSession({ sessionId: this.transport.sessionId, protocolVersion: version })
    this.peer.setMethods(methodTable(version), 'client')
    await this.peer.notify('notifications/initialized')
    this.transport.listen()
  }

  #lost(error: LocalError): void {
    if (this.#state.state === 'closed' || this.#state.state === 'connecting') return
    if (this.#recovering !== undefined) return
    this.#epoch++
    this.#recovering = this.#recover(error).finally(() => {
      this.#recovering = undefined
    })
    this.#recovering.catch(() => {})
  }

  /** Re-initialises, with back-off; closes the client when it cannot. */
  async #recover(cause: LocalError): Promise<void> {
    this.#state.set('reconnecting', cause)
    this.transport.resetSession()
    const { reconnect } = this.#options
    let lastError: unknown = cause
    for (let attempt = 0; attempt <= reconnect.maxRetries; attempt++) {
      if (attempt > 0 && !(await sleep(reconnectDelay(attempt - 1, undefined, reconnect)))) break
      if (this.#state.state === 'closed') return
      try {
        await this.transport.start()
        await this.#handshake()
        await this.#options.onReady?.(false)
        this.#state.set('ready')
        return
      } catch (error) {
        lastError = error
        this.transport.resetSession()
      }
    }
    const error = new LocalError(
      'closed',
      `The session with ${this.transport.url} was lost and could not be re-established`,
      { url: this.transport.url, cause: lastError },
    )
    this.#options.onError(error)
    await this.close()
    throw error
  }
}

function methodTable(version: ProtocolVersion) {
  try {
    return revision(version).methods
  } catch {
    // A revision the protocol package has no table for yet: validate nothing rather than wrongly.
    return undefined
  }
}

function sessionLostDuring(method: string, url: string, cause: LocalError): LocalError {
  return new LocalError(
    'closed',
    `The session with ${url} was lost while ${method} was in flight; it is not safe to send again, so it may or may not have run`,
    { method, url, cause },
  )
}
