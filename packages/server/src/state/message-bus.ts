/**
 * Moving live messages to the instance that holds a connection: the MessageBus interface and its
 * in-process default.
 * @module
 */
import type { MaybePromise } from './types.js'

/**
 * What travels on the bus. Every variant is plain JSON so that a networked bus (Redis pub/sub)
 * can carry it.
 */
export type BusMessage =
  | {
      /** A new event on a stream: whoever holds the stream's connection writes it. */
      type: 'event'
      sessionId: string
      streamId: string
      seq: number
      data: string
    }
  | {
      /**
       * A message from the client (a response to a server request, a cancellation) for whoever
       * holds the matching pending request or running handler.
       */
      type: 'client-message'
      sessionId: string
      message: Record<string, unknown>
    }
  | {
      /** One serialised notification for every session (`notifications/message` honours levels). */
      type: 'broadcast'
      data: string
      level?: string
    }
  | {
      /** The session ended (DELETE, expiry): every instance drops its connections. */
      type: 'session-closed'
      sessionId: string
    }

/** Channel names used by the server. */
export const channels = {
  /** Events of one stream. */
  stream: (sessionId: string, streamId: string): string => `stream:${sessionId}:${streamId}`,
  /** Client messages and lifecycle of one session. */
  session: (sessionId: string): string => `session:${sessionId}`,
  /** Broadcasts to every session. */
  broadcast: 'broadcast',
  /** Session lifecycle (a session ended) for every instance. */
  sessions: 'sessions',
} as const

/**
 * Publish/subscribe between server instances. A single instance needs no bus at all; the
 * in-memory default keeps the code path identical so that a networked implementation is a
 * drop-in.
 */
export interface MessageBus {
  /** Delivers a message to every current subscriber of the channel, on every instance. */
  publish(channel: string, message: BusMessage): MaybePromise<void>
  /** Subscribes to a channel; returns the function that unsubscribes. */
  subscribe(channel: string, listener: (message: BusMessage) => void): () => void
}

/**
 * The default {@link MessageBus}: synchronous delivery inside this process. A listener that
 * throws does not stop delivery to the others.
 */
export class MemoryMessageBus implements MessageBus {
  readonly #listeners = new Map<string, Set<(message: BusMessage) => void>>()
  readonly #onError: (error: unknown) => void

  /** @param onError - receives what a listener threw. */
  constructor(onError: (error: unknown) => void = () => {}) {
    this.#onError = onError
  }

  publish(channel: string, message: BusMessage): void {
    const listeners = this.#listeners.get(channel)
    if (listeners === undefined) return
    for (const listener of listeners) {
      try {
        listener(message)
      } catch (error) {
        this.#onError(error)
      }
    }
  }

  subscribe(channel: string, listener: (message: BusMessage) => void): () => void {
    let listeners = this.#listeners.get(channel)
    if (listeners === undefined) {
      listeners = new Set()
      this.#listeners.set(channel, listeners)
    }
    listeners.add(listener)
    return () => {
      const current = this.#listeners.get(channel)
      if (current === undefined) return
      current.delete(listener)
      if (current.size === 0) this.#listeners.delete(channel)
    }
  }
}
