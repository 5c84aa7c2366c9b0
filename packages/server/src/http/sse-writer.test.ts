import { describe, expect, it } from 'vitest'
import {
  KEEP_ALIVE_CHUNK,
  SseConnection,
  encodeIdLine,
  encodeMessageBody,
  formatEvent,
  withIdLine,
} from './sse-writer.js'

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text()
}

describe('formatEvent', () => {
  it('frames a message event with its id', () => {
    expect(formatEvent({ id: '1_2', data: '{"a":1}' })).toBe(
      'id: 1_2\nevent: message\ndata: {"a":1}\n\n',
    )
  })

  it('frames a priming event: id, retry and empty data', () => {
    expect(formatEvent({ id: '1_0', retry: 500, data: '' })).toBe('id: 1_0\nretry: 500\ndata: \n\n')
  })

  it('frames a named event without id', () => {
    expect(formatEvent({ event: 'endpoint', data: '/messages?sessionId=x' })).toBe(
      'event: endpoint\ndata: /messages?sessionId=x\n\n',
    )
  })
})

describe('withIdLine', () => {
  it('puts a stream’s id line before the shared bytes of a broadcast, for any id', () => {
    const body = encodeMessageBody('{"jsonrpc":"2.0","method":"x","params":{"data":"é"}}')
    const text = (id: string) => new TextDecoder().decode(withIdLine(id, body))
    expect(text('3_12')).toBe(
      'id: 3_12\nevent: message\ndata: {"jsonrpc":"2.0","method":"x","params":{"data":"é"}}\n\n',
    )
    expect(text('ü_1')).toBe(
      'id: ü_1\nevent: message\ndata: {"jsonrpc":"2.0","method":"x","params":{"data":"é"}}\n\n',
    )
  })
})

describe('SseConnection', () => {
  it('delivers what was written, in order, and ends on close', async () => {
    const connection = new SseConnection()
    const reasons: string[] = []
    connection.onClose = (reason) => reasons.push(reason)
    connection.writeEvent({ id: 'a_0', data: '' })
    connection.write(encodeIdLine('a_1'))
    connection.write(encodeMessageBody('{"x":true}'))
    connection.write(KEEP_ALIVE_CHUNK)
    connection.close()
    expect(connection.write(KEEP_ALIVE_CHUNK)).toBe(false)
    expect(await readAll(connection.body)).toBe(
      'id: a_0\ndata: \n\nid: a_1\nevent: message\ndata: {"x":true}\n\n: keep-alive\n\n',
    )
    expect(reasons).toEqual(['server'])
  })

  it('reports a client that went away', async () => {
    const connection = new SseConnection()
    const reasons: string[] = []
    connection.onClose = (reason) => reasons.push(reason)
    await connection.body.cancel()
    expect(connection.closed).toBe(true)
    expect(connection.writeEvent({ data: 'late' })).toBe(false)
    expect(reasons).toEqual(['client'])
  })

  it('closes a connection whose reader falls too far behind', () => {
    const connection = new SseConnection(64)
    const reasons: string[] = []
    connection.onClose = (reason) => reasons.push(reason)
    expect(connection.write(new Uint8Array(60))).toBe(true)
    expect(connection.write(new Uint8Array(10))).toBe(false)
    expect(connection.closed).toBe(true)
    expect(reasons).toEqual(['overflow'])
  })
})
