import { describe, expect, it } from 'vitest'
import { readSse, type SseEvent } from './read-sse.js'

const encoder = new TextEncoder()

/** A body that yields the given chunks, then ends, errors, or stays open. */
function body(
  chunks: (string | Uint8Array)[],
  end: 'close' | 'error' | 'open' = 'close',
): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let cancelled = false
  let index = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++]
      if (chunk !== undefined) {
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk)
        return
      }
      if (end === 'close') controller.close()
      else if (end === 'error') controller.error(new TypeError('terminated'))
      else return new Promise<void>(() => {})
    },
    cancel() {
      cancelled = true
    },
  })
  return { stream, cancelled: () => cancelled }
}

async function collect(chunks: (string | Uint8Array)[], end: 'close' | 'error' = 'close') {
  const events: SseEvent[] = []
  const retries: number[] = []
  const result = await readSse(body(chunks, end).stream, {
    onEvent: (event) => events.push(event),
    onRetry: (ms) => retries.push(ms),
  })
  return { events, retries, result }
}

describe('readSse', () => {
  it('delivers events with their type, id and joined data lines', async () => {
    const { events, result } = await collect([
      'event: message\nid: 1\ndata: {"a":1}\n\n',
      'data: line one\ndata: line two\n\n',
      'event: endpoint\ndata: /messages?sessionId=abc\n\n',
    ])
    expect(events).toEqual([
      { event: 'message', id: '1', data: '{"a":1}' },
      { event: 'message', id: undefined, data: 'line one\nline two' },
      { event: 'endpoint', id: undefined, data: '/messages?sessionId=abc' },
    ])
    expect(result).toEqual({ reason: 'end', lastEventId: '1', retry: undefined })
  })

  it('keeps the id and retry of a priming event that has empty data', async () => {
    const { events, retries, result } = await collect(['id: event-1\nretry: 500\ndata: \n\n'])
    expect(events).toEqual([{ event: 'message', id: 'event-1', data: '' }])
    expect(retries).toEqual([500])
    expect(result.lastEventId).toBe('event-1')
    expect(result.retry).toBe(500)
  })

  it('reassembles events and multi-byte characters split across chunks', async () => {
    const bytes = encoder.encode('ta: {"text":"héllo ✓"}\n\n')
    const { events } = await collect([
      'id: 7\nda',
      bytes.slice(0, 15),
      bytes.slice(15, 20),
      bytes.slice(20),
    ])
    expect(events).toEqual([{ event: 'message', id: '7', data: '{"text":"héllo ✓"}' }])
  })

  it('accepts CRLF line endings and ignores comments', async () => {
    const { events } = await collect([': keep-alive\r\n\r\nid: 2\r\ndata: x\r\n\r\n'])
    expect(events).toEqual([{ event: 'message', id: '2', data: 'x' }])
  })

  it('drops an unterminated last event, as EventSource does', async () => {
    const { events } = await collect(['data: complete\n\n', 'data: half'])
    expect(events.map((event) => event.data)).toEqual(['complete'])
  })

  it('reports a broken connection as an error with the last event id', async () => {
    const { events, result } = await collect(['id: a\ndata: 1\n\n', 'id: b\ndata: 2\n\n'], 'error')
    expect(events).toHaveLength(2)
    expect(result.reason).toBe('error')
    expect(result.lastEventId).toBe('b')
    expect(result.error).toBeInstanceOf(TypeError)
  })

  it('ends with reason aborted when the signal aborts, and cancels the body', async () => {
    const controller = new AbortController()
    const { stream, cancelled } = body(['data: first\n\n'], 'open')
    const read = readSse(stream, {
      onEvent: () => {
        controller.abort()
      },
      signal: controller.signal,
    })
    expect((await read).reason).toBe('aborted')
    expect(cancelled()).toBe(true)
  })

  it('ends at once when the signal is already aborted', async () => {
    const { stream, cancelled } = body([], 'open')
    const result = await readSse(stream, { onEvent: () => {}, signal: AbortSignal.abort() })
    expect(result.reason).toBe('aborted')
    expect(cancelled()).toBe(true)
  })

  it('ends with reason idle when a stream goes silent, and cancels it', async () => {
    const { stream, cancelled } = body(['id: 1\ndata: hello\n\n'], 'open')
    const events: SseEvent[] = []
    const result = await readSse(stream, { onEvent: (e) => events.push(e), idleTimeout: 50 })
    expect(result).toEqual({ reason: 'idle', lastEventId: '1', retry: undefined })
    expect(events).toHaveLength(1)
    expect(cancelled()).toBe(true)
  })

  it('treats comments as keep-alive signals that hold the idle timeout off', async () => {
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 10))
        sent++
        if (sent < 20) controller.enqueue(encoder.encode(': ping\n\n'))
        else if (sent === 20) controller.enqueue(encoder.encode('data: done\n\n'))
        else controller.close()
      },
    })
    const events: SseEvent[] = []
    const result = await readSse(stream, { onEvent: (e) => events.push(e), idleTimeout: 150 })
    expect(result.reason).toBe('end')
    expect(events.map((event) => event.data)).toEqual(['done'])
  })

  it('stops and reports the error when the event handler throws', async () => {
    const { stream, cancelled } = body(['data: 1\n\n', 'data: 2\n\n'], 'open')
    const seen: string[] = []
    const result = await readSse(stream, {
      onEvent: (event) => {
        seen.push(event.data)
        throw new Error('handler failed')
      },
    })
    expect(result.reason).toBe('error')
    expect(result.error).toEqual(new Error('handler failed'))
    expect(seen).toEqual(['1'])
    expect(cancelled()).toBe(true)
  })
})
