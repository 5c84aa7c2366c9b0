import { describe, expect, it } from 'vitest'
import type { JSONRPCMessage } from '../jsonrpc/messages.js'
import { Peer } from './peer.js'
import type { PeerOptions, RequestHandler } from './types.js'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function collectingPeer(options: Omit<PeerOptions, 'send'> = {}) {
  const sent: JSONRPCMessage[] = []
  const peer = new Peer<undefined>({
    ...options,
    send: (message) => {
      sent.push(message)
    },
  })
  return { peer, sent }
}

describe('Peer for transports that re-create peers', () => {
  it('numbers requests with a counter that outlives the peer, so ids never repeat', async () => {
    let next = 1
    const nextRequestId = () => next++
    const first = collectingPeer({ nextRequestId })
    void first.peer.request('ping').catch(() => undefined)
    first.peer.close()
    const second = collectingPeer({ nextRequestId })
    void second.peer.request('ping').catch(() => undefined)
    second.peer.close()
    await flush()
    const ids = [...first.sent, ...second.sent].map((message) => (message as { id: number }).id)
    expect(ids).toEqual([1, 2])
  })

  it('is idle only while no request waits and no handler runs', async () => {
    const { peer, sent } = collectingPeer()
    let finish = () => {}
    peer.setRequestHandler(
      'slow',
      () =>
        new Promise((resolve) => {
          finish = () => {
            resolve({})
          }
        }),
    )
    expect(peer.idle).toBe(true)

    const pending = peer.request('ping')
    expect(peer.idle).toBe(false)
    peer.receive({ jsonrpc: '2.0', id: 1, result: {} })
    await pending
    expect(peer.idle).toBe(true)

    peer.receive({ jsonrpc: '2.0', id: 'a', method: 'slow' })
    expect(peer.idle).toBe(false)
    finish()
    await flush()
    expect(sent.at(-1)).toEqual({ jsonrpc: '2.0', id: 'a', result: {} })
    expect(peer.idle).toBe(true)
  })

  it('answers from shared handlers, and its own handlers take precedence', async () => {
    const shared = new Map<string, RequestHandler>([
      ['whoami', () => ({ answer: 'shared' })],
      ['echo', (params) => ({ echoed: params.text })],
    ])
    const { peer, sent } = collectingPeer({ sharedHandlers: { requests: shared } })
    peer.setRequestHandler('whoami', () => ({ answer: 'own' }))

    peer.receive({ jsonrpc: '2.0', id: 1, method: 'whoami' })
    peer.receive({ jsonrpc: '2.0', id: 2, method: 'echo', params: { text: 'hi' } })
    await flush()
    expect(sent).toContainEqual({ jsonrpc: '2.0', id: 1, result: { answer: 'own' } })
    expect(sent).toContainEqual({ jsonrpc: '2.0', id: 2, result: { echoed: 'hi' } })

    peer.removeRequestHandler('whoami')
    peer.receive({ jsonrpc: '2.0', id: 3, method: 'whoami' })
    await flush()
    expect(sent).toContainEqual({ jsonrpc: '2.0', id: 3, result: { answer: 'shared' } })
  })

  it('calls shared notification handlers', async () => {
    const seen: unknown[] = []
    const notifications = new Map([
      [
        'notifications/initialized',
        (_params: unknown, context: { extra: string }) => {
          seen.push(context.extra)
        },
      ],
    ])
    const peer = new Peer<string>({ send: () => {}, sharedHandlers: { notifications } })
    peer.receive({ jsonrpc: '2.0', method: 'notifications/initialized' }, 'session-1')
    await flush()
    expect(seen).toEqual(['session-1'])
  })
})
