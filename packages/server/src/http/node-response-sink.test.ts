import { EventEmitter } from 'node:events'
import { createServer, get, type Server, type ServerResponse } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { NodeResponseSink, isNodeOutgoing } from './node-response-sink.js'
import { sseOpenerFor } from './sse-opener.js'
import { KEEP_ALIVE_CHUNK, SseConnection, sharedMessageEvent } from './sse-writer.js'

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

describe('NodeResponseSink on a real node:http response', () => {
  let server: Server | undefined
  afterEach(() => {
    server?.closeAllConnections()
    server?.close()
  })

  /** A server whose every GET becomes a sink that `use` writes to. */
  function serve(use: (sink: NodeResponseSink, response: ServerResponse) => void): Promise<number> {
    return new Promise((resolve) => {
      server = createServer((_request, response) => {
        use(
          new NodeResponseSink(response, { 'Content-Type': 'text/event-stream' }, 1 << 20),
          response,
        )
      })
      server.listen(0, '127.0.0.1', () => {
        resolve((server!.address() as AddressInfo).port)
      })
    })
  }

  const shared = sharedMessageEvent(
    '{"jsonrpc":"2.0","method":"notifications/message","params":{"data":"é"}}',
  )
  const writeAll = (sink: NodeResponseSink) => {
    sink.writeEvent({ id: 's_0', retry: 1000, data: '' })
    sink.writeShared('s_1', shared)
    sink.write(KEEP_ALIVE_CHUNK)
    sink.writeEvent({ id: 's_2', data: '"ü"' })
    sink.writeShared('s_3', shared)
    sink.close()
  }
  const expected =
    'id: s_0\nretry: 1000\ndata: \n\n' +
    `id: s_1\n${shared.text}` +
    ': keep-alive\n\n' +
    'id: s_2\nevent: message\ndata: "ü"\n\n' +
    `id: s_3\n${shared.text}`

  it('writes well-formed chunks an HTTP/1.1 client reads back whole, and ends the body', async () => {
    const port = await serve(writeAll)
    const body = await new Promise<string>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: '/' }, (response) => {
        expect(response.headers['transfer-encoding']).toBe('chunked')
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => {
          resolve(text)
        })
        response.on('error', reject)
      }).on('error', reject)
    })
    expect(body).toBe(expected)
  })

  it('keeps the connection usable for the next request after the stream ends', async () => {
    let requests = 0
    const port = await serve((sink) => {
      requests++
      writeAll(sink)
    })
    // Two requests on one keep-alive connection: the second is only answered if the first
    // stream's framing ended exactly where the client expected.
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n')
      })
      let text = ''
      socket.on('data', (chunk) => {
        text += chunk.toString()
        if (text.split('0\r\n\r\n').length === 3) {
          socket.destroy()
          resolve(text)
        }
      })
    })
    expect(requests).toBe(2)
    expect(raw.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2)
  })

  it('writes the events as they are to an HTTP/1.0 client, which gets no chunked framing', async () => {
    const port = await serve(writeAll)
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('GET / HTTP/1.0\r\n\r\n')
      })
      let text = ''
      socket.on('data', (chunk) => (text += chunk.toString()))
      socket.on('close', () => {
        resolve(text)
      })
    })
    expect(raw.slice(raw.indexOf('\r\n\r\n') + 4)).toBe(expected)
  })
})
