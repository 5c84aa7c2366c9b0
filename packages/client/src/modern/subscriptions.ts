/**
 * `subscriptions/listen`: the one long-lived stream that carries list changes and resource
 * updates in 2026-07-28, in place of the 2025 GET stream and `resources/subscribe`. It is opened
 * with a filter, acknowledged first, reopened with the same filter when it ends or breaks, and
 * replaced by a new stream (opened before the old one closes) when the filter changes.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions
 * @module
 */
import {
  LocalError,
  META_KEYS,
  isJSONRPCErrorResponse,
  type JSONRPCNotification,
  type v2026_07_28,
} from '@mcp-sse/protocol'
import type { HttpClient } from '../http/http-client.js'
import { reconnectDelay, sleep, type ResolvedReconnectOptions } from '../transport/reconnect.js'
import { exchange } from './exchange.js'
import { modernHeaders } from './headers.js'
import { withModernMeta, type ModernIdentity } from './meta.js'

/** The notification types a listen stream carries. */
export type SubscriptionFilter = v2026_07_28.SubscriptionFilter

/** Options of {@link Subscriptions}. */
export interface SubscriptionsOptions {
  http: HttpClient
  url: string
  /** The `_meta` identity, read for every (re)opening. */
  identity: () => ModernIdentity
  reconnect: ResolvedReconnectOptions
  /** Milliseconds to wait for a listen request's response headers. @default 30000 */
  connectTimeout?: number | undefined
  keepAliveTimeout?: number | undefined
  /** Every notification of the stream but the acknowledgement. */
  dispatch: (notification: JSONRPCNotification) => void
  /** The stream was down and is back: notifications may have been missed meanwhile. */
  onGap?: (() => void) | undefined
  /** A stream that cannot be (re)opened. */
  onError: (error: LocalError) => void
}

let listenCounter = 0

/** The listen stream of one client: what it asks for, and the stream that carries it. */
export class Subscriptions {
  readonly #options: SubscriptionsOptions
  readonly #uris = new Set<string>()
  #lists: SubscriptionFilter = {}
  #current: ListenStream | undefined
  #started = false
  #stopped = false

  constructor(options: SubscriptionsOptions) {
    this.#options = options
  }

  /** Which list changes to ask for: those the server says it announces (`listChanged`). */
  setServerCapabilities(capabilities: v2026_07_28.ServerCapabilities): void {
    this.#lists = {}
    if (capabilities.tools?.listChanged === true) this.#lists.toolsListChanged = true
    if (capabilities.prompts?.listChanged === true) this.#lists.promptsListChanged = true
    if (capabilities.resources?.listChanged === true) this.#lists.resourcesListChanged = true
  }

  /** The filter the stream is (or would be) opened with. */
  get filter(): SubscriptionFilter {
    const filter: SubscriptionFilter = { ...this.#lists }
    if (this.#uris.size > 0) filter.resourceSubscriptions = [...this.#uris]
    return filter
  }

  /** Opens the stream, when there is anything to listen to. */
  start(): void {
    if (this.#started || this.#stopped) return
    this.#started = true
    if (Object.keys(this.filter).length === 0) return
    this.#current = this.#open(true)
    this.#current.acknowledged.catch(() => {})
  }

  /**
   * Adds a resource to the stream's filter: a new stream is opened with it, and the old one
   * closed once the new one is acknowledged. Rejects when the server does not acknowledge
   * updates for the resource.
   */
  async subscribe(uri: string, signal?: AbortSignal): Promise<void> {
    if (this.#uris.has(uri)) return
    this.#uris.add(uri)
    try {
      const honoured = await this.#replace(signal)
      if (!honoured.resourceSubscriptions?.includes(uri)) {
        throw new LocalError('protocol', `${this.#options.url} does not send updates for ${uri}`, {
          method: 'subscriptions/listen',
          url: this.#options.url,
        })
      }
    } catch (error) {
      this.#uris.delete(uri)
      throw error
    }
  }

  /** Takes a resource out of the filter. */
  async unsubscribe(uri: string, signal?: AbortSignal): Promise<void> {
    if (!this.#uris.delete(uri)) return
    await this.#replace(signal)
  }

  /** Closes the stream for good. */
  stop(): void {
    this.#stopped = true
    this.#current?.stop()
    this.#current = undefined
  }

  async #replace(signal: AbortSignal | undefined): Promise<SubscriptionFilter> {
    if (this.#stopped) {
      throw new LocalError('closed', `The connection to ${this.#options.url} is closed`)
    }
    const previous = this.#current
    if (Object.keys(this.filter).length === 0) {
      previous?.stop()
      this.#current = undefined
      return {}
    }
    const next = this.#open(false)
    this.#current = next
    try {
      const honoured = await abortable(next.acknowledged, signal)
      previous?.stop()
      return honoured
    } catch (error) {
      next.stop()
      if (this.#current === next) this.#current = previous
      throw error
    }
  }

  /** A background stream reports its failures; one a caller awaits rejects instead, at first. */
  #open(background: boolean): ListenStream {
    return new ListenStream(this.filter, this.#options, background)
  }
}

/** One `subscriptions/listen` request, reopened with the same filter until stopped. */
class ListenStream {
  readonly acknowledged: Promise<SubscriptionFilter>
  readonly #filter: SubscriptionFilter
  readonly #options: SubscriptionsOptions
  readonly #controller = new AbortController()
  readonly #background: boolean
  #acknowledge!: (filter: SubscriptionFilter) => void
  #refuse!: (error: Error) => void
  #everAcknowledged = false

  constructor(filter: SubscriptionFilter, options: SubscriptionsOptions, background: boolean) {
    this.#filter = filter
    this.#options = options
    this.#background = background
    this.acknowledged = new Promise<SubscriptionFilter>((resolve, reject) => {
      this.#acknowledge = resolve
      this.#refuse = reject
    })
    void this.#run()
  }

  stop(): void {
    this.#controller.abort()
    this.#refuse(new LocalError('closed', `The listen stream to ${this.#options.url} was closed`))
  }

  async #run(): Promise<void> {
    const { reconnect, url } = this.#options
    const signal = this.#controller.signal
    let failures = 0
    while (!signal.aborted) {
      let acknowledgedNow = false
      let failure: LocalError | undefined
      try {
        const outcome = await this.#listen(() => {
          acknowledgedNow = true
        })
        if (outcome.type === 'response' && isJSONRPCErrorResponse(outcome.response)) {
          const { error } = outcome.response
          this.#fail(
            new LocalError(
              'protocol',
              `subscriptions/listen on ${url} was refused: ${error.message}`,
              {
                method: 'subscriptions/listen',
                url,
                status: outcome.status,
              },
            ),
          )
          return
        }
        if (outcome.type === 'status') {
          const transient =
            outcome.status === 408 || outcome.status === 429 || outcome.status >= 500
          if (!transient) {
            this.#fail(outcome.error)
            return
          }
          failure = outcome.error
        }
        if (outcome.type === 'broken') failure = outcome.error
      } catch (error) {
        if (signal.aborted) return
        failure = error instanceof LocalError ? error : new LocalError('network', String(error))
      }
      // A graceful end (the server's response) or a broken stream: open it again, with back-off
      // while attempts bring nothing.
      failures = acknowledgedNow ? 0 : failures + 1
      if (failures > reconnect.maxRetries) {
        this.#fail(
          new LocalError('closed', `The listen stream to ${url} could not be reopened`, {
            method: 'subscriptions/listen',
            url,
            cause: failure,
          }),
        )
        return
      }
      if (!(await sleep(reconnectDelay(Math.max(failures - 1, 0), undefined, reconnect), signal))) {
        return
      }
    }
  }

  #listen(onAcknowledged: () => void) {
    const { http, url } = this.#options
    const id = `listen-${String(++listenCounter)}`
    const params = withModernMeta({ notifications: this.#filter }, this.#options.identity())
    return exchange({
      http,
      url,
      message: { jsonrpc: '2.0', id, method: 'subscriptions/listen', params },
      headers: modernHeaders(
        { method: 'subscriptions/listen', params },
        { protocolVersion: this.#options.identity().protocolVersion },
      ),
      signal: this.#controller.signal,
      timeout: this.#options.connectTimeout ?? 30_000,
      keepAliveTimeout: this.#options.keepAliveTimeout,
      idempotent: true,
      onNotification: (notification) => {
        const subscription = (notification.params?._meta as Record<string, unknown> | undefined)?.[
          META_KEYS.subscriptionId
        ]
        if (subscription !== undefined && subscription !== id) return
        if (notification.method === 'notifications/subscriptions/acknowledged') {
          onAcknowledged()
          if (this.#everAcknowledged) this.#options.onGap?.()
          this.#everAcknowledged = true
          const honoured = (notification.params as { notifications?: SubscriptionFilter })
            .notifications
          this.#acknowledge(honoured ?? {})
          return
        }
        this.#options.dispatch(notification)
      },
      onError: this.#options.onError,
    })
  }

  #fail(error: LocalError): void {
    this.#refuse(error)
    if (this.#background || this.#everAcknowledged) this.#options.onError(error)
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(new LocalError('aborted', 'Subscribing was aborted', { cause: signal.reason }))
    }
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort)
    })
  })
}
