/**
 * `subscriptions/listen`: the long-lived SSE response that carries the change notifications a
 * 2026-07-28 client opted into. No state outside the open connection: each instance listens on
 * the {@link MessageBus}, so a change published on any instance reaches every listener.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
 * @module
 */
import type { RequestId } from '@mcp-sse/protocol'
import type { KeepAlive } from '../http/keep-alive.js'
import { SSE_HEADERS, SseConnection } from '../http/sse-writer.js'
import { channels, type BusMessage, type MessageBus } from '../state/message-bus.js'
import type { MaybePromise } from '../state/types.js'
import type { Implementation, ServerCapabilities } from '../types.js'

/** What a client asks to be told about (`params.notifications`). */
export interface SubscriptionFilter {
  toolsListChanged?: boolean
  promptsListChanged?: boolean
  resourcesListChanged?: boolean
  resourceSubscriptions?: string[]
}

/**
 * The bus channel of `notifications/resources/updated`. List changes need no channel of their
 * own: the server already broadcasts them on `channels.broadcast`.
 */
export const RESOURCE_UPDATES_CHANNEL = 'resources-updated'

const SUBSCRIPTION_ID = 'io.modelcontextprotocol/subscriptionId'
const SERVER_INFO = 'io.modelcontextprotocol/serverInfo'

const LIST_CHANGED: Readonly<Record<string, keyof SubscriptionFilter>> = {
  'notifications/tools/list_changed': 'toolsListChanged',
  'notifications/prompts/list_changed': 'promptsListChanged',
  'notifications/resources/list_changed': 'resourcesListChanged',
}

/**
 * Tells every `subscriptions/listen` stream on every instance that a resource changed; only the
 * streams subscribed to `uri` pass it on.
 */
export function publishResourceUpdated(bus: MessageBus, uri: string): MaybePromise<void> {
  const data = JSON.stringify({
    jsonrpc: '2.0',
    method: 'notifications/resources/updated',
    params: { uri },
  })
  return bus.publish(RESOURCE_UPDATES_CHANNEL, { type: 'broadcast', data })
}

/**
 * The part of a filter the server will honour, given its capabilities: a list is announced only
 * where the capability says `listChanged`, resource updates only with `resources.subscribe`.
 */
export function honouredFilter(
  requested: SubscriptionFilter,
  capabilities: ServerCapabilities,
): SubscriptionFilter {
  const honoured: SubscriptionFilter = {}
  if (requested.toolsListChanged === true && capabilities.tools?.listChanged === true) {
    honoured.toolsListChanged = true
  }
  if (requested.promptsListChanged === true && capabilities.prompts?.listChanged === true) {
    honoured.promptsListChanged = true
  }
  if (requested.resourcesListChanged === true && capabilities.resources?.listChanged === true) {
    honoured.resourcesListChanged = true
  }
  if (
    Array.isArray(requested.resourceSubscriptions) &&
    capabilities.resources?.subscribe === true
  ) {
    honoured.resourceSubscriptions = [...new Set(requested.resourceSubscriptions)]
  }
  return honoured
}

/** Options of {@link SubscriptionHub}. */
export interface SubscriptionHubOptions {
  /** Where changes come from (every instance of the server shares it). */
  bus: MessageBus
  /** Names the server in the result that ends a subscription gracefully. */
  serverInfo: Implementation
  /** Keeps idle streams open through proxies (`: keep-alive` comments). */
  keepAlive?: KeepAlive
  /**
   * Unread bytes a client may fall behind before its stream is dropped (it opens a new one).
   * @default 1_048_576
   */
  maxBufferedBytes?: number
}

interface Subscription {
  readonly id: RequestId
  readonly filter: SubscriptionFilter
  readonly resources: ReadonlySet<string>
  readonly connection: SseConnection
}

interface Change {
  method: string
  params: Record<string, unknown>
}

function parseChange(data: string): Change | undefined {
  try {
    const value = JSON.parse(data) as { method?: unknown; params?: unknown }
    if (typeof value.method !== 'string') return undefined
    const params =
      typeof value.params === 'object' && value.params !== null && !Array.isArray(value.params)
        ? (value.params as Record<string, unknown>)
        : {}
    return { method: value.method, params }
  } catch {
    return undefined
  }
}

/**
 * The `subscriptions/listen` streams open on this instance. One bus listener per channel for the
 * whole hub, however many streams are open; each change is parsed once.
 *
 * @example
 * ```ts
 * const hub = new SubscriptionHub({ bus, serverInfo })
 * return hub.open({ id: request.id, filter: request.params.notifications }, capabilities, c.req.raw.signal)
 * ```
 */
export class SubscriptionHub {
  readonly #options: SubscriptionHubOptions
  readonly #open = new Set<Subscription>()
  #unsubscribe: (() => void)[] = []

  constructor(options: SubscriptionHubOptions) {
    this.#options = options
  }

  /** How many streams are open here. */
  get size(): number {
    return this.#open.size
  }

  /**
   * Opens a subscription and returns its SSE response. The first event is
   * `notifications/subscriptions/acknowledged` with the honoured filter; then each change the
   * filter selects, tagged with the subscription id (the listen request's JSON-RPC id). The
   * subscription ends when the client closes the stream (or `signal` aborts), or gracefully
   * with {@link SubscriptionHub.close}.
   */
  open(
    request: { id: RequestId; filter: SubscriptionFilter },
    capabilities: ServerCapabilities,
    signal?: AbortSignal,
  ): Response {
    const filter = honouredFilter(request.filter, capabilities)
    const connection = new SseConnection(this.#options.maxBufferedBytes ?? 1024 * 1024)
    const subscription: Subscription = {
      id: request.id,
      filter,
      resources: new Set(filter.resourceSubscriptions),
      connection,
    }
    connection.writeEvent({
      data: JSON.stringify({
        jsonrpc: '2.0',
        method: 'notifications/subscriptions/acknowledged',
        params: { _meta: { [SUBSCRIPTION_ID]: request.id }, notifications: filter },
      }),
    })
    const abort = () => {
      connection.close()
    }
    connection.onClose = () => {
      signal?.removeEventListener('abort', abort)
      this.#options.keepAlive?.delete(connection)
      this.#remove(subscription)
    }
    if (signal?.aborted === true) connection.close()
    else {
      signal?.addEventListener('abort', abort, { once: true })
      this.#add(subscription)
      this.#options.keepAlive?.add(connection)
    }
    return new Response(connection.body, { status: 200, headers: SSE_HEADERS })
  }

  /**
   * Ends every subscription gracefully (server shutdown): each gets the successful response to
   * its `subscriptions/listen` request, then its stream closes.
   */
  close(): void {
    for (const subscription of [...this.#open]) {
      const { id, connection } = subscription
      connection.writeEvent({
        data: JSON.stringify({
          jsonrpc: '2.0',
          id,
          result: {
            resultType: 'complete',
            _meta: { [SUBSCRIPTION_ID]: id, [SERVER_INFO]: this.#options.serverInfo },
          },
        }),
      })
      connection.close()
    }
  }

  #add(subscription: Subscription): void {
    this.#open.add(subscription)
    if (this.#unsubscribe.length > 0) return
    const listener = (message: BusMessage) => {
      if (message.type !== 'broadcast') return
      const change = parseChange(message.data)
      if (change !== undefined) this.#deliver(change)
    }
    this.#unsubscribe = [
      this.#options.bus.subscribe(channels.broadcast, listener),
      this.#options.bus.subscribe(RESOURCE_UPDATES_CHANNEL, listener),
    ]
  }

  #remove(subscription: Subscription): void {
    this.#open.delete(subscription)
    if (this.#open.size > 0) return
    for (const unsubscribe of this.#unsubscribe) unsubscribe()
    this.#unsubscribe = []
  }

  #deliver(change: Change): void {
    const listKey = LIST_CHANGED[change.method]
    const uri = change.params.uri
    const updated =
      change.method === 'notifications/resources/updated' && typeof uri === 'string'
        ? uri
        : undefined
    // Progress, log messages and anything else broadcast never go on a listen stream.
    if (listKey === undefined && updated === undefined) return
    for (const subscription of this.#open) {
      const wanted =
        updated !== undefined
          ? subscription.resources.has(updated)
          : listKey !== undefined && subscription.filter[listKey] === true
      if (!wanted) continue
      subscription.connection.writeEvent({
        data: JSON.stringify({
          jsonrpc: '2.0',
          method: change.method,
          params: {
            ...change.params,
            _meta: {
              ...(change.params._meta as object | undefined),
              [SUBSCRIPTION_ID]: subscription.id,
            },
          },
        }),
      })
    }
  }
}
