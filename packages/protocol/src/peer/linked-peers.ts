/**
 * Two peers linked in memory, for tests and examples: what one sends, the other receives on a
 * later microtask, after a JSON round trip, as over a real transport.
 * @module
 */
import type { JSONRPCMessage } from '../jsonrpc/messages.js'
import { Peer } from './peer.js'
import type { MessageRoute, PeerOptions } from './types.js'

/** One message that went over the link. */
export interface LinkedMessage {
  /** The peer that sent it. */
  from: 'client' | 'server'
  /** The message as it was sent, before the JSON round trip. */
  message: JSONRPCMessage
  /** The route the sending peer gave the transport. */
  route: MessageRoute
}

/** Options for {@link createLinkedPeers}. */
export interface LinkedPeersOptions {
  /**
   * Options of the client peer; `send` and `side` are set by the link.
   * @default `{}`: no method table, so nothing is validated
   */
  client?: Omit<PeerOptions, 'send' | 'side'>
  /**
   * Options of the server peer; `send` and `side` are set by the link.
   * @default `{}`: no method table, so nothing is validated
   */
  server?: Omit<PeerOptions, 'send' | 'side'>
}

/** A client and a server peer linked in memory, and the log of what went over the link. */
export interface LinkedPeers {
  /** The client end. */
  client: Peer
  /** The server end. */
  server: Peer
  /** Every message sent, in order. */
  messages: LinkedMessage[]
}

/**
 * Creates a client and a server peer that talk to each other in memory: a test double for a
 * transport, to test handlers or a peer's behaviour without I/O. Each message is delivered on a
 * later microtask as a copy made by `JSON.stringify` and `JSON.parse`, so what arrives is what a
 * network would deliver, and `messages` records what was sent, in order.
 *
 * @example
 * ```ts
 * const { methods } = revision('2025-11-25')
 * const { client, server, messages } = createLinkedPeers({ client: { methods }, server: { methods } })
 * server.setRequestHandler('ping', () => ({}))
 * await client.request('ping') // {}
 * messages.map(({ from, message }) => `${from}: ${'method' in message ? message.method : 'response'}`)
 * // ['client: ping', 'server: response']
 * ```
 */
export function createLinkedPeers(options: LinkedPeersOptions = {}): LinkedPeers {
  const messages: LinkedMessage[] = []
  const link =
    (from: 'client' | 'server', to: () => Peer) =>
    (message: JSONRPCMessage, route: MessageRoute) => {
      messages.push({ from, message, route })
      const copy: unknown = JSON.parse(JSON.stringify(message))
      queueMicrotask(() => {
        to().receive(copy)
      })
    }
  const client: Peer = new Peer({
    ...options.client,
    side: 'client',
    send: link('client', () => server),
  })
  const server: Peer = new Peer({
    ...options.server,
    side: 'server',
    send: link('server', () => client),
  })
  return { client, server, messages }
}
