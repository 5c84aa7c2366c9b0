import { describe, expect, it } from 'vitest'
import { parseSseBody, SseParser, type SseEvent } from './parser.js'

function collect(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = []
  const parser = new SseParser((event) => events.push(event))
  for (const chunk of chunks) parser.feed(chunk)
  return events
}

describe('SseParser', () => {
  it('dispatches named events with their data and id', () => {
    expect(
      collect(['event: endpoint\ndata: /messages?sessionId=1\n\n', 'id: 7\ndata: {}\n\n']),
    ).toEqual([
      { event: 'endpoint', data: '/messages?sessionId=1' },
      { event: 'message', data: '{}', id: '7' },
    ])
  })

  it('joins multi-line data with newlines and strips only one leading space', () => {
    expect(collect(['data:  a\ndata:b\n\n'])).toEqual([{ event: 'message', data: ' a\nb' }])
  })

  it('reassembles lines split across chunks, including a CRLF cut in two', () => {
    const events = collect(['event: mes', 'sage\r', '\ndata: {"id"', ':1}\r', '\n\r\n'])
    expect(events).toEqual([{ event: 'message', data: '{"id":1}' }])
  })

  it('accepts bare CR line endings (a final CR waits for the next chunk, it may start a CRLF)', () => {
    expect(collect(['data: x\r\rdata: y\r\r'])).toHaveLength(1)
    expect(collect(['data: x\r\rdata: y\r\r', ':'])).toEqual([
      { event: 'message', data: 'x' },
      { event: 'message', data: 'y' },
    ])
  })

  it('skips comments (keep-alives) and events without data', () => {
    expect(collect([': ping\n\n', 'event: empty\n\n', 'retry: 1000\ndata: z\n\n'])).toEqual([
      { event: 'message', data: 'z' },
    ])
  })

  it('does not dispatch an event until its blank line arrives', () => {
    expect(collect(['data: unfinished\n'])).toEqual([])
  })

  it('forgets the event name after each event', () => {
    expect(collect(['event: a\ndata: 1\n\ndata: 2\n\n']).map((e) => e.event)).toEqual([
      'a',
      'message',
    ])
  })
})

describe('parseSseBody', () => {
  it('returns every event of a complete body, even without a final blank line', () => {
    expect(parseSseBody('event: message\ndata: {"a":1}\n\ndata: {"b":2}\n')).toEqual([
      { event: 'message', data: '{"a":1}' },
      { event: 'message', data: '{"b":2}' },
    ])
  })
})
