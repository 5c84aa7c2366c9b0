import { EventEmitter } from 'node:events'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { NodeResponseSink, isNodeOutgoing } from './node-response-sink.js'
import { sseOpenerFor } from './sse-opener.js'
import { SseConnection } from './sse-writer.js'

class FakeOutgoing extends EventEmitter {
  headersSent = false
  destroyed = false
  writableLength = 0
  status = 0
  headers: Record<string, string> = {}
  written: string[] = []
  ended = false
  writeHead(status: number, headers: Record<string, string>) {
    this.status = status
    this.headers = headers
    this.headersSent = true
  }
  flushHeaders() {}
  // Like Node's ServerResponse: bytes or text (UTF-8).
  write(chunk: Uint8Array | string) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk
    this.written.push(new TextDecoder().decode(bytes))
    this.writableLength += bytes.byteLength
    return true
  }
  end() {
    this.ended = true
    this.emit('close')
  }
  destroy() {
    this.destroyed = true
    this.emit('close')
  }
}

describe('NodeResponseSink', () => {
  it('writes headers and events straight to the Node response, and reports who closed it', () => {
    const outgoing = new FakeOutgoing()
    const reasons: string[] = []
    const sink = new NodeResponseSink(outgoing, { 'Content-Type': 'text/event-stream' }, 1024)
    sink.onClose = (reason) => reasons.push(reason)
    expect(outgoing.status).toBe(200)
    sink.writeEvent({ id: 'a_1', data: '{}' })
    sink.close()
    expect(sink.write(new Uint8Array(1))).toBe(false)
    expect(outgoing.written).toEqual(['id: a_1\nevent: message\ndata: {}\n\n'])
    expect(outgoing.ended).toBe(true)
    expect(reasons).toEqual(['server'])
  })

  it('reports a client that went away, and drops one that stopped reading', () => {
    const gone = new FakeOutgoing()
    const goneReasons: string[] = []
    const sink = new NodeResponseSink(gone, {}, 1024)
    sink.onClose = (reason) => goneReasons.push(reason)
    gone.emit('close')
    expect(goneReasons).toEqual(['client'])
    const slow = new FakeOutgoing()
    const slowReasons: string[] = []
    const stalled = new NodeResponseSink(slow, {}, 10)
    stalled.onClose = (reason) => slowReasons.push(reason)
    expect(stalled.write(new Uint8Array(20))).toBe(false)
    expect(slow.destroyed).toBe(true)
    expect(slowReasons).toEqual(['overflow'])
  })
})

describe('sseOpenerFor', () => {
  it('writes to the Node response when there is one, keeping headers middleware set first', async () => {
    const outgoing = new FakeOutgoing()
    const app = new Hono()
    app.use('*', async (c, next) => {
      c.res.headers.set('Access-Control-Allow-Origin', 'https://app.example')
      await next()
    })
    app.get('/', (c) => {
      const { sink, response } = sseOpenerFor(c, 1024, true)({ 'Mcp-Session-Id': 's' })
      sink.writeEvent({ data: 'x' })
      return response
    })
    const response = await app.request('/', {}, { outgoing, incoming: {} })
    expect(response.headers.get('x-hono-already-sent')).toBe('true')
    expect(outgoing.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example',
      'Content-Type': 'text/event-stream',
      'Mcp-Session-Id': 's',
    })
    expect(outgoing.written).toEqual(['event: message\ndata: x\n\n'])
  })

  it('uses a web stream elsewhere, or when told to', async () => {
    const app = new Hono()
    app.get('/', (c) => {
      const { sink, response } = sseOpenerFor(c, 1024, c.req.query('node') === 'yes')({})
      expect(sink).toBeInstanceOf(SseConnection)
      sink.close()
      return response
    })
    expect((await app.request('/')).headers.get('content-type')).toBe('text/event-stream')
    const outgoing = new FakeOutgoing()
    await app.request('/?node=no', {}, { outgoing, incoming: {} })
    expect(outgoing.headersSent).toBe(false)
    expect(isNodeOutgoing(outgoing)).toBe(true)
  })
})
