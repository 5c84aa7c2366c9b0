import { describe, expect, it } from 'vitest'
import { MemoryEventStore } from './event-store.js'
import { MemoryMessageBus, type BusMessage } from './message-bus.js'
import { MemorySessionStore, type SessionData } from './session-store.js'

function session(id: string): SessionData {
  return {
    id,
    transport: 'streamable-http',
    nextRequestId: 0,
    nextStreamId: 0,
    createdAt: 1,
    lastSeenAt: 1,
  }
}

describe('MemorySessionStore', () => {
  it('creates, reads, updates and deletes sessions', () => {
    const store = new MemorySessionStore()
    store.create(session('a'))
    store.update('a', { logLevel: 'error', protocolVersion: '2025-11-25' })
    expect(store.get('a')).toMatchObject({
      id: 'a',
      logLevel: 'error',
      protocolVersion: '2025-11-25',
    })
    store.update('missing', { logLevel: 'info' })
    expect(store.get('missing')).toBeUndefined()
    store.delete('a')
    expect(store.get('a')).toBeUndefined()
    expect(store.size).toBe(0)
  })
})

describe('MemoryEventStore', () => {
  function replayed(store: MemoryEventStore, session: string, stream: string, after: number) {
    const events: [number, string][] = []
    const known = store.replay(session, stream, after, (seq, data) => events.push([seq, data]))
    return known ? events : undefined
  }

  it('numbers events per stream and replays only those after the cursor, of that stream only', () => {
    const store = new MemoryEventStore()
    expect(store.append('s', '1', 'a')).toBe(1)
    expect(store.append('s', '2', 'other stream')).toBe(1)
    expect(store.append('s', '1', 'b')).toBe(2)
    expect(store.append('s', '1', 'c')).toBe(3)
    expect(replayed(store, 's', '1', 1)).toEqual([
      [2, 'b'],
      [3, 'c'],
    ])
    expect(replayed(store, 's', '1', 3)).toEqual([])
    expect(replayed(store, 's', '3', 0)).toBeUndefined()
    expect(replayed(store, 'other session', '1', 0)).toBeUndefined()
  })

  it('keeps only the newest events of a stream', () => {
    const store = new MemoryEventStore({ maxEventsPerStream: 3 })
    for (const data of ['1', '2', '3', '4', '5']) store.append('s', 'x', data)
    expect(replayed(store, 's', 'x', 0)).toEqual([
      [3, '3'],
      [4, '4'],
      [5, '5'],
    ])
  })

  it('drops the oldest streams past maxStreams, and forgets streams and sessions', () => {
    const store = new MemoryEventStore({ maxStreams: 2 })
    store.append('old', '1', 'a')
    store.append('new', '1', 'b')
    store.append('new', '2', 'c')
    expect(store.streamCount).toBe(2)
    expect(replayed(store, 'old', '1', 0)).toBeUndefined()
    store.deleteStream('new', '1')
    expect(replayed(store, 'new', '1', 0)).toBeUndefined()
    store.deleteSession('new')
    expect(store.streamCount).toBe(0)
  })
})

describe('MemoryMessageBus', () => {
  it('delivers to subscribers of the channel until they unsubscribe, despite a throwing one', () => {
    const errors: unknown[] = []
    const bus = new MemoryMessageBus((error) => errors.push(error))
    const received: BusMessage[] = []
    bus.subscribe('c', () => {
      throw new Error('listener bug')
    })
    const unsubscribe = bus.subscribe('c', (message) => received.push(message))
    const message: BusMessage = { type: 'session-closed', sessionId: 's' }
    bus.publish('c', message)
    bus.publish('other', message)
    unsubscribe()
    bus.publish('c', message)
    expect(received).toEqual([message])
    expect(errors).toHaveLength(2)
  })
})
