/**
 * The observable connection state.
 * @module
 */
import type { LocalError } from '@mcp-sse/protocol'

/**
 * Where the connection is:
 * - `connecting`: detecting the transport and initialising;
 * - `ready`: initialised, streams open;
 * - `reconnecting`: a stream broke or the session was lost, and the client is healing it;
 *   requests made meanwhile wait;
 * - `closed`: closed by the caller, or lost for good.
 */
export type ConnectionState = 'connecting' | 'ready' | 'reconnecting' | 'closed'

/** Told about every change of state, with the error that caused it, if any. */
export type StateListener = (state: ConnectionState, cause: LocalError | undefined) => void

/** Holds the state and tells listeners about changes. */
export class StateMachine {
  #state: ConnectionState = 'connecting'
  readonly #listeners = new Set<StateListener>()

  get state(): ConnectionState {
    return this.#state
  }

  set(state: ConnectionState, cause?: LocalError): void {
    if (this.#state === state || this.#state === 'closed') return
    this.#state = state
    for (const listener of [...this.#listeners]) {
      try {
        listener(state, cause)
      } catch {
        // A listener's failure is its own; the state has changed regardless.
      }
    }
  }

  /**
   * Resolves once the state is not `reconnecting` (or at once if it is not), or when `timeout`
   * milliseconds passed or the signal aborted, whichever comes first.
   */
  settled(timeout: number, signal?: AbortSignal): Promise<void> {
    if (this.#state !== 'reconnecting') return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        unsubscribe()
        signal?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, timeout)
      const unsubscribe = this.subscribe((state) => {
        if (state !== 'reconnecting') done()
      })
      signal?.addEventListener('abort', done, { once: true })
    })
  }

  subscribe(listener: StateListener): () => void {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }
}
