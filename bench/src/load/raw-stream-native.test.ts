import { mkdtempSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  buildSink,
  httpRequestText,
  NativeSink,
  openCommand,
  parseSinkLine,
  roundCommand,
  streamCommand,
} from './raw-stream-native.js'

describe('request and command bytes', () => {
  it('builds a GET with Host and the given headers, ending in a blank line', () => {
    expect(
      httpRequestText('GET', '/mcp', 3000, { Accept: 'text/event-stream', 'mcp-session-id': 's1' }),
    ).toBe(
      'GET /mcp HTTP/1.1\r\nHost: 127.0.0.1:3000\r\nAccept: text/event-stream\r\nmcp-session-id: s1\r\n\r\n',
    )
  })

  it('gives a POST a Content-Length in bytes, not characters', () => {
    const text = httpRequestText('POST', '/mcp', 80, { 'content-type': 'application/json' }, '"é"')
    expect(text).toContain('Content-Length: 4\r\n\r\n"é"')
  })

  it('refuses a header that would split the request', () => {
    expect(() => httpRequestText('GET', '/', 80, { 'x-a': 'b\r\nx-evil: 1' })).toThrow('line break')
  })

  it('frames commands with byte lengths', () => {
    expect(streamCommand('GET / é').toString()).toBe('stream 8\nGET / é')
    expect(openCommand(1500.2).toString()).toBe('open 1501\n')
    expect(roundCommand(30_000, 'tok', 'POST /x').toString()).toBe('round 30000 3 7\ntokPOST /x')
  })

  it('refuses a token the sink cannot look for', () => {
    expect(() => roundCommand(1, '', 'POST')).toThrow('1 to 200 bytes')
    expect(() => roundCommand(1, 'a\nb', 'POST')).toThrow('one line')
    expect(() => roundCommand(1, 'x'.repeat(201), 'POST')).toThrow('1 to 200 bytes')
  })
})

describe('parseSinkLine', () => {
  it('reads an opened line and a round line', () => {
    expect(parseSinkLine('{"type":"opened","opened":3,"failed":0,"streams":3}')).toEqual({
      type: 'opened',
      opened: 3,
      failed: 0,
      streams: 3,
    })
    const round = parseSinkLine(
      '{"type":"round","streams":2,"delivered":2,"closed":0,"first":0.5,"p50":0.5,"last":0.9,"answered":true,"call":0.4,"status":200,"contentType":"application/json","body":"{}","fallbackTimestamps":0}',
    )
    expect(round).toMatchObject({ type: 'round', last: 0.9, status: 200, body: '{}' })
  })

  it('throws the message of an error line', () => {
    expect(() => parseSinkLine('{"type":"error","message":"unknown command"}')).toThrow(
      'the sink failed: unknown command',
    )
  })

  it('throws on lines that are not what the sink writes', () => {
    expect(() => parseSinkLine('segfault')).toThrow('other than JSON')
    expect(() => parseSinkLine('{"type":"round","streams":1}')).toThrow('unexpected line')
  })
})

describe('buildSink', () => {
  it('says there is no compiler instead of throwing', () => {
    const output = join(mkdtempSync(join(tmpdir(), 'sink-')), 'sse-sink')
    const build = buildSink({ compiler: 'no-such-cc-for-the-bench', output })
    expect(build).toEqual({
      ok: false,
      reason:
        process.platform === 'linux'
          ? 'no C compiler (`no-such-cc-for-the-bench`) on this machine'
          : 'the C sink uses epoll and SO_TIMESTAMPNS: Linux only',
    })
  })
})

const built = buildSink()
const skipReason = built.ok ? '' : ` (skipped: ${built.reason})`

describe.skipIf(!built.ok)(`the C sink against node:http over loopback${skipReason}`, () => {
  let server: Server | undefined
  let sink: NativeSink | undefined
  afterEach(() => {
    sink?.close()
    server?.closeAllConnections()
    server?.close()
  })

  function listen(handler: (request: IncomingMessage, response: ServerResponse) => void) {
    return new Promise<number>((resolve) => {
      server = createServer(handler)
      server.listen(0, '127.0.0.1', () => {
        resolve((server!.address() as AddressInfo).port)
      })
    })
  }

  /** A tiny SSE server: GETs stay open; `POST /b?t=<token>` writes the token to every stream. */
  function broadcaster(
    write: (streams: ServerResponse[], token: string) => void,
    answer: (response: ServerResponse, count: number) => void,
  ) {
    const streams: ServerResponse[] = []
    const seenHeaders: string[] = []
    const port = listen((request, response) => {
      if (request.method === 'GET') {
        seenHeaders.push(String(request.headers['mcp-session-id']))
        response.writeHead(200, { 'content-type': 'text/event-stream' })
        response.write('id: 0\nretry: 1000\ndata: \n\n')
        streams.push(response)
        return
      }
      request.resume()
      request.on('end', () => {
        write(streams, new URL(request.url!, 'http://x').searchParams.get('t')!)
        answer(response, streams.length)
      })
    })
    return { port, streams, seenHeaders }
  }

  it('opens every stream, sees the token on each and reads a chunked answer', async () => {
    const { port: listening, seenHeaders } = broadcaster(
      (streams, token) => {
        for (const stream of streams) stream.write(`event: message\ndata: {"data":"${token}"}\n\n`)
      },
      (response, count) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' })
        response.write('event: message\n')
        response.end(`data: {"count":${count}}\n\n`)
      },
    )
    const port = await listening
    sink = new NativeSink(built.ok ? built.path : '', port)
    for (let index = 0; index < 40; index++) {
      sink.addStream(httpRequestText('GET', '/mcp', port, { 'mcp-session-id': `s${index}` }))
    }
    expect(await sink.open(10_000)).toEqual({ type: 'opened', opened: 40, failed: 0, streams: 40 })
    expect(seenHeaders).toHaveLength(40)
    expect(new Set(seenHeaders).size).toBe(40)
    for (const token of ['round-one', 'round-two']) {
      const post = httpRequestText('POST', `/b?t=${token}`, port, {}, '')
      const round = await sink.round(token, post, 10_000)
      expect(round).toMatchObject({
        streams: 40,
        delivered: 40,
        closed: 0,
        answered: true,
        status: 200,
        contentType: 'text/event-stream',
        body: 'event: message\ndata: {"count":40}\n\n',
        fallbackTimestamps: 0,
      })
      // Arrivals are kernel timestamps on the clock the POST was sent by: after it, in order.
      expect(round.first!).toBeGreaterThanOrEqual(0)
      expect(round.first!).toBeLessThanOrEqual(round.p50!)
      expect(round.p50!).toBeLessThanOrEqual(round.last!)
    }
  })

  it('finds a token split over two reads, on a body without chunked framing', async () => {
    // Raw HTTP on node:net, so the two halves are not separated by chunk-size lines.
    const streams: Socket[] = []
    const raw = createNetServer((socket) => {
      socket.once('data', (request) => {
        if (request.toString().startsWith('GET')) {
          socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n')
          streams.push(socket)
          return
        }
        for (const stream of streams) {
          stream.write('data: spli')
          setTimeout(() => stream.write('t-token\n\n'), 30)
        }
        socket.end(
          'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
        )
      })
    })
    const port = await new Promise<number>((resolve) => {
      raw.listen(0, '127.0.0.1', () => {
        resolve((raw.address() as AddressInfo).port)
      })
    })
    try {
      sink = new NativeSink(built.ok ? built.path : '', port)
      sink.addStream(httpRequestText('GET', '/', port, {}))
      await sink.open(10_000)
      const post = httpRequestText('POST', '/b', port, {}, '')
      const round = await sink.round('split-token', post, 10_000)
      expect(round).toMatchObject({
        delivered: 1,
        answered: true,
        body: '{}',
        contentType: 'application/json',
      })
    } finally {
      for (const stream of streams) stream.destroy()
      raw.close()
    }
  })

  it('reports a refused stream with its status line, and a stream that closed', async () => {
    let gets = 0
    const streams: ServerResponse[] = []
    const port = await listen((request, response) => {
      if (request.method === 'GET') {
        gets++
        if (gets === 2) {
          response.writeHead(404, 'Not Found').end('no such session')
          return
        }
        response.writeHead(200, { 'content-type': 'text/event-stream' })
        response.flushHeaders()
        streams.push(response)
        return
      }
      request.resume()
      request.on('end', () => {
        streams[0]!.destroy()
        for (const stream of streams.slice(1)) stream.write('data: tok\n\n')
        response.writeHead(503).end()
      })
    })
    sink = new NativeSink(built.ok ? built.path : '', port)
    for (let index = 0; index < 3; index++) sink.addStream(httpRequestText('GET', '/', port, {}))
    const opened = await sink.open(10_000)
    expect(opened).toMatchObject({ opened: 2, failed: 1, streams: 2 })
    expect(opened.error).toContain('GET answered HTTP/1.1 404 Not Found')
    expect(opened.error).toContain('no such session')
    const round = await sink.round('tok', httpRequestText('POST', '/', port, {}, ''), 2_000)
    expect(round).toMatchObject({
      streams: 2,
      delivered: 1,
      closed: 1,
      answered: true,
      status: 503,
    })
  })
})
