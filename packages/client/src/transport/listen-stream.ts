/**
 * The standalone GET stream of Streamable HTTP: server-initiated messages, reopened whenever it
 * ends or breaks.
 * @module
 */
import { LocalError } from '@mcp-sse/protocol'
import type { HttpClient } from '../http/http-client.js'
import { readSse } from '../sse/read-sse.js'
import { dispatchBody, type Dispatch } from './dispatch.js'
import { reconnectDelay, sleep, type ResolvedReconnectOptions } from './reconnect.js'
import type { StreamState } from './types.js'

/** What a {@link ListenStream} needs from its transport. */
export interface ListenStreamOptions {
  url: string
  http: HttpClient
  /** The session headers, read for every attempt. */
  headers: () => Record<string, string>
  connectTimeout: number
  keepAliveTimeout: number | undefined
  reconnect: ResolvedReconnectOptions
  /** The transport's close signal. */
  signal: AbortSignal
  dispatch: Dispatch
  /** Turns an error status into an error, reporting a lost session. */
  failed: (response: Response, rpcMethod: string | undefined) => Promise<LocalError>
  onStreamState: (state: StreamState) => void
  onError: (error: LocalError) => void
}

/** One standalone GET stream, kept open until stopped. */
export class ListenStream {
  readonly #options: ListenStreamOptions
  readonly #stop = new AbortController()
  #lastEventId: string | undefined
  #retry: number | undefined
  #broken = false

  constructor(options: ListenStreamOptions) {
    this.#options = options
  }

  /** Opens the stream in the background; failures go to `onError`. */
  start(): void {
    this.#run().catch((error: unknown) => {
      if (this.#signal().aborted) return
      this.#options.onError(
        error instanceof LocalError
          ? error
          : new LocalError('network', `The GET stream of ${this.#options.url} failed`, {
              cause: error,
            }),
      )
    })
  }

  stop(): void {
    this.#stop.abort()
  }

  #signal(): AbortSignal {
    return AbortSignal.any([this.#stop.signal, this.#options.signal])
  }

  async #run(): Promise<void> {
    const { url, http, reconnect } = this.#options
    const signal = this.#signal()
    let failures = 0
    let reopen = false
    while (!signal.aborted) {
      if (reopen) {
        if (failures > reconnect.maxRetries) {
          throw new LocalError(
            'network',
            `The GET stream of ${url} could not be reopened after ${failures} attempts`,
            { url },
          )
        }
        const delay = reconnectDelay(Math.max(failures - 1, 0), this.#retry, reconnect)
        if (!(await sleep(delay, signal))) return
      }
      reopen = true
      const headers: Record<string, string> = {
        ...this.#options.headers(),
        accept: 'text/event-stream',
      }
      if (this.#lastEventId !== undefined) headers['last-event-id'] = this.#lastEventId
      let response: Response
      try {
        response = await http.request({
          method: 'GET',
          url,
          headers,
          signal,
          timeout: this.#options.connectTimeout,
          retry: 'safe',
        })
      } catch (error) {
        if (signal.aborted) return
        if (!(error instanceof LocalError) || error.type !== 'network') throw error
        failures++
        this.#setBroken(true)
        continue
      }
      // 405: the server offers no standalone stream, which is its right.
      if (response.status === 405) {
        response.body?.cancel().catch(() => {})
        this.#setBroken(false)
        return
      }
      if (!response.ok || response.body === null) {
        const error = await this.#options.failed(response, undefined)
        // A server that is restarting answers 5xx for a while; anything else is final.
        if (response.status < 500) throw error
        failures++
        this.#setBroken(true)
        continue
      }
      this.#setBroken(false)
      let progressed = false
      const result = await readSse(response.body, {
        onEvent: (event) => {
          progressed = true
          if (event.data === '') return
          const problem = dispatchBody(event.data, {}, this.#options.dispatch)
          if (problem !== undefined) {
            this.#options.onError(
              new LocalError(
                'protocol',
                `The GET stream of ${url} sent an event that is not JSON-RPC: ${problem}`,
                { url },
              ),
            )
          }
        },
        onRetry: (milliseconds) => (this.#retry = milliseconds),
        idleTimeout: this.#options.keepAliveTimeout,
        signal,
      })
      this.#lastEventId = result.lastEventId ?? this.#lastEventId
      if (result.reason === 'aborted') return
      failures = progressed ? 0 : failures + 1
      // A server may end the stream on purpose (polling, SEP-1699); a broken one is news.
      if (result.reason !== 'end') this.#setBroken(true)
    }
  }

  #setBroken(broken: boolean): void {
    if (broken === this.#broken) return
    this.#broken = broken
    this.#options.onStreamState(broken ? 'reconnecting' : 'connected')
  }
}
