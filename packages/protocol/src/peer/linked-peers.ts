/**
 * Two peers linked in memory, for tests: what one sends, the other receives on a later microtask,
 * after a JSON round trip, as over a real transport.
 * @module
 */
import type { JSONRPCMessage } from '../jsonrpc/messages.js'
import { Peer } from './peer.js'
import type { MessageRoute, PeerOptions } from './types.js'

/** One message that went over the link. */
export interface LinkedMessage {
  from: 'client' | 'server'
  message: JSONRPCMessage
  route: MessageRoute
}

/** Options for {@link createLinkedPeers}. */
export interface LinkedPeersOptions {
  /** Options of the client peer; `send` and `side` are set by the link. */
  client?: Omit<PeerOptions, 'send' | 'side'>
  /** Options of the server peer; `send` and `side` are set by the link. */
  server?: Omit<PeerOptions, 'send' | 'side'>
}

/** A client and a server peer linked in memory, and the log of what went over the link. */
export interface LinkedPeers {
  client: Peer
  server: Peer
  /** Every message sent, in order. */
  messages: LinkedMessage[]
}

/**
 * Creates a client and a server peer that talk to each other in memory.
 *
 * @example
 * ```ts
 * const { client, server } = createLinkedPeers()
 * server.setRequestHandler('ping', () => ({}))
 * await client.request('ping')
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
