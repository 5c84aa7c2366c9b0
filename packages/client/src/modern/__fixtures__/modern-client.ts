/**
 * The real `McpClient` over the real `ModernTransport`, for end-to-end tests, until `connect()`
 * learns the 2026-07-28 era. In place of `Session` (whose handshake accepts only legacy
 * versions today) a minimal stand-in does what the integration note asks of it: the same peer,
 * `initialize` through the transport (answered from `server/discover`), the 2026-07-28 method
 * table, `listen()`. Everything above it — `McpClient`, its notification listeners, streaming
 * calls — is the production code.
 */
import {
  isJSONRPCRequest,
  Peer,
  revision,
  type MessageParams,
  type RequestId,
} from '@mcp-sse/protocol'
import { McpClient } from '../../client/client.js'
import { RequestFollowers } from '../../client/notifications.js'
import { clientCapabilities, type ServerRequestOptions } from '../../client/server-requests.js'
import { HttpClient, type FetchFunction } from '../../http/http-client.js'
import { isSafeMethod } from '../../session/recovery.js'
import type { InitializeResult, Session, SessionRequestOptions } from '../../session/session.js'
import type { MessageContext } from '../../transport/types.js'
import { ModernTransport, type ModernTransportOptions } from '../modern-transport.js'
import { modernClientCapabilities } from '../meta.js'
import { negotiateEra, type WireMemory } from '../negotiate.js'

/** Options of {@link connectModern}. */
export interface ConnectModernOptions extends ServerRequestOptions {
  fetch?: FetchFunction | undefined
  memory?: WireMemory | false | undefined
  timeout?: number | undefined
  onError?: ((error: Error) => void) | undefined
  transport?: Partial<ModernTransportOptions> | undefined
}

/** A connected client and the transport under it. */
export interface ModernConnection {
  client: McpClient
  transport: ModernTransport
  errors: Error[]
}

const clientInfo = { name: 'modern-test-client', version: '1.0.0' }

/** Negotiates the era (it must be modern) and connects the real `McpClient` over it. */
export async function connectModern(
  url: string,
  options: ConnectModernOptions = {},
): Promise<ModernConnection> {
  const errors: Error[] = []
  const onError = (error: Error) => {
    errors.push(error)
    options.onError?.(error)
  }
  const http = new HttpClient({ fetch: options.fetch })
  const capabilities = clientCapabilities(options)
  const negotiated = await negotiateEra({
    url,
    http,
    memory: options.memory ?? false,
    identity: {
      protocolVersion: '2026-07-28',
      capabilities: modernClientCapabilities(capabilities),
      clientInfo,
    },
  })
  if (negotiated.era !== 'modern') throw new Error(`Not a modern server: ${negotiated.reason}`)
  const created: { client?: McpClient } = {}
  const transport = new ModernTransport({
    url,
    http,
    clientInfo,
    capabilities,
    discover: negotiated.discover,
    protocolVersion: negotiated.version,
    handlers: {
      onSampling: options.onSampling,
      onElicitation: options.onElicitation,
      elicitation: options.elicitation,
      roots: options.roots === undefined ? undefined : () => created.client?.roots,
    },
    ...options.transport,
  })
  const session = new SessionStandIn(transport, options.timeout ?? 10_000, onError)
  const followers = new RequestFollowers()
  transport.onMessage = (message, context) => {
    if (context.relatedRequestId !== undefined && !('id' in message)) {
      const { method, params } = message as { method: string; params?: Record<string, unknown> }
      followers.route(method, params ?? {}, context)
    }
    session.peer.receive(message, context)
  }
  transport.onError = onError
  const client = new McpClient(
    session as unknown as Session,
    {
      timeout: options.timeout ?? 10_000,
      maxTotalTimeout: undefined,
      validateStructuredContent: true,
      roots: options.roots,
      onError,
    },
    followers,
  )
  created.client = client
  await session.open()
  return { client, transport, errors }
}

/** What `Session` does in the modern era, reduced to what `McpClient` uses. */
class SessionStandIn {
  readonly peer: Peer<MessageContext | undefined>
  readonly transport: ModernTransport
  state: 'connecting' | 'ready' | 'closed' = 'connecting'
  #server: InitializeResult | undefined
  #onSent: ((id: RequestId) => void) | undefined
  #idempotent: boolean | undefined

  constructor(transport: ModernTransport, timeout: number, onError: (error: Error) => void) {
    this.transport = transport
    this.peer = new Peer<MessageContext | undefined>({
      side: 'client',
      defaultTimeout: timeout,
      // On 2026-07-28 HTTP, closing the stream is the cancellation (the transport drops it anyway).
      notifyCancellation: false,
      send: (message, route) => {
        let idempotent: boolean | undefined
        if (isJSONRPCRequest(message)) {
          idempotent = this.#idempotent ?? isSafeMethod(message.method)
          this.#onSent?.(message.id)
          this.#onSent = undefined
          this.#idempotent = undefined
        }
        return transport.send(message, { signal: route.signal, idempotent })
      },
      onError,
    })
  }

  get server(): InitializeResult {
    if (this.#server === undefined) throw new Error('not initialised')
    return this.#server
  }

  async open(): Promise<void> {
    this.#server = await this.peer.request<InitializeResult>('initialize', {})
    this.peer.setMethods(revision('2026-07-28').methods, 'client')
    this.transport.listen()
    this.state = 'ready'
  }

  request<Result>(
    method: string,
    params: MessageParams | undefined,
    options: SessionRequestOptions<Result> = {},
  ): Promise<Result> {
    this.#onSent = options.onSent
    this.#idempotent = options.idempotent
    return this.peer.request<Result>(method, params, options)
  }

  async notify(method: string, params?: MessageParams): Promise<void> {
    await this.peer.notify(method, params)
  }

  onStateChange(): () => void {
    return () => {}
  }

  async close(): Promise<void> {
    this.state = 'closed'
    this.peer.close('closed')
    await this.transport.close()
  }
}
