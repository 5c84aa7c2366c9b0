/**
 * Many listeners per notification method, on a peer that has one handler per method.
 * @module
 */
import type { Peer, RequestId } from '@mcp-sse/protocol'
import type { MessageContext } from '../transport/types.js'

type Listener = (params: Record<string, unknown>) => void | Promise<void>

/** Fans each notification out to its listeners; a listener's failure goes to `onError`. */
export class NotificationListeners {
  readonly #peer: Peer<MessageContext | undefined>
  readonly #listeners = new Map<string, Set<Listener>>()
  readonly #onError: (error: unknown) => void

  constructor(peer: Peer<MessageContext | undefined>, onError: (error: unknown) => void) {
    this.#peer = peer
    this.#onError = onError
  }

  add(method: string, listener: Listener): () => void {
    let listeners = this.#listeners.get(method)
    if (listeners === undefined) {
      const set = new Set<Listener>()
      listeners = set
      this.#listeners.set(method, set)
      this.#peer.setNotificationHandler(method, (params) => {
        for (const each of [...set]) {
          try {
            const result = each(params)
            if (result instanceof Promise) result.catch(this.#onError)
          } catch (error) {
            this.#onError(error)
          }
        }
      })
    }
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }
}

/** Routes notifications that arrived on a request's stream to whoever follows that request. */
export class RequestFollowers {
  readonly #followers = new Map<
    RequestId,
    (method: string, params: Record<string, unknown>) => void
  >()

  follow(id: RequestId, follower: (method: string, params: Record<string, unknown>) => void) {
    this.#followers.set(id, follower)
    return () => {
      this.#followers.delete(id)
    }
  }

  /** Passes a notification to the follower of the request whose stream carried it. */
  route(method: string, params: Record<string, unknown>, context: MessageContext): void {
    if (context.relatedRequestId === undefined) return
    this.#followers.get(context.relatedRequestId)?.(method, params)
  }
}
