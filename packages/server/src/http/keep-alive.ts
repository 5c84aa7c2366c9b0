/**
 * One keep-alive timer for every open SSE connection.
 * @module
 */
import { KEEP_ALIVE_CHUNK, type SseSink } from './sse-writer.js'

/**
 * Writes one shared `: keep-alive` comment to every registered connection every `intervalMs`,
 * so that proxies and clients with read timeouts keep idle streams open. The timer runs only
 * while there is a connection and never keeps a process alive on its own.
 */
export class KeepAlive {
  readonly #intervalMs: number
  readonly #connections = new Set<SseSink>()
  #timer: ReturnType<typeof setInterval> | undefined

  /** @param intervalMs - milliseconds between comments; `0` turns keep-alive off. */
  constructor(intervalMs: number) {
    this.#intervalMs = intervalMs
  }

  /** How many connections are registered. */
  get size(): number {
    return this.#connections.size
  }

  /** Registers a connection until it closes (or {@link KeepAlive.delete}). */
  add(connection: SseSink): void {
    if (this.#intervalMs <= 0 || connection.closed) return
    this.#connections.add(connection)
    if (this.#timer === undefined) {
      this.#timer = setInterval(() => {
        this.tick()
      }, this.#intervalMs)
      unref(this.#timer)
    }
  }

  /** Forgets a connection. */
  delete(connection: SseSink): void {
    this.#connections.delete(connection)
    if (this.#connections.size === 0) this.stop()
  }

  /** Writes the comment to every connection now (the timer calls this). */
  tick(): void {
    for (const connection of this.#connections) {
      if (!connection.write(KEEP_ALIVE_CHUNK)) this.#connections.delete(connection)
    }
    if (this.#connections.size === 0) this.stop()
  }

  /** Stops the timer and forgets every connection. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer)
    this.#timer = undefined
    if (this.#connections.size > 0 && this.#intervalMs > 0) this.#connections.clear()
  }
}

/** Lets the process exit while a timer is pending, where the runtime supports it (Node, Bun, Deno). */
export function unref(timer: unknown): void {
  if (typeof timer === 'object' && timer !== null && 'unref' in timer) {
    const method = (timer as { unref?: unknown }).unref
    if (typeof method === 'function') method.call(timer)
  }
}
