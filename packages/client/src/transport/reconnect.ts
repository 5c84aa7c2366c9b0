/**
 * How long to wait before reconnecting a stream.
 * @module
 */

/** When and how often broken streams are reconnected. */
export interface ReconnectOptions {
  /**
   * Milliseconds before the first reconnection when the server sent no `retry` field.
   * @default 1000
   */
  initialDelay?: number | undefined
  /**
   * The longest wait between two attempts, in milliseconds.
   * @default 30000
   */
  maxDelay?: number | undefined
  /**
   * How many consecutive attempts that bring nothing new may fail before the client gives up on
   * a stream. Any event received resets the count.
   * @default 5
   */
  maxRetries?: number | undefined
}

/** The options with their defaults. */
export type ResolvedReconnectOptions = Required<{
  [K in keyof ReconnectOptions]: Exclude<ReconnectOptions[K], undefined>
}>

export function resolveReconnect(options: ReconnectOptions = {}): ResolvedReconnectOptions {
  return {
    initialDelay: options.initialDelay ?? 1_000,
    maxDelay: options.maxDelay ?? 30_000,
    maxRetries: options.maxRetries ?? 5,
  }
}

/**
 * The wait before attempt `attempt` (from 0). The server's `retry` is a floor the client must
 * respect (SEP-1699); repeated failures back off exponentially on top of it.
 */
export function reconnectDelay(
  attempt: number,
  serverRetry: number | undefined,
  options: ResolvedReconnectOptions,
): number {
  if (attempt === 0) return serverRetry ?? options.initialDelay
  const backoff = Math.min(options.initialDelay * 1.5 ** attempt, options.maxDelay)
  return Math.max(serverRetry ?? 0, backoff)
}

/** Waits, unless the signal aborts first. Resolves `false` when aborted. */
export function sleep(milliseconds: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted === true) return Promise.resolve(false)
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve(true)
    }, milliseconds)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
