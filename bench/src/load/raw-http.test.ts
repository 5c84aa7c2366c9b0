import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RawHttpConnection, ResponseReader } from './raw-http.js'

function collect() {
  const responses: Array<{ status: number; headers: Record<string, string>; body: string }> = []
  let current: { status: number; headers: Record<string, string>; body: string } | undefined
  const reader = new ResponseReader(
    (status, headers) => {
      current = { status, headers, body: '' }
    },
    (chunk) => {
      current!.body += chunk.toString('utf8')
    },
    () => {
      responses.push(current!)
      current = undefined
    },
  )
  return { reader, responses }
}

describe('ResponseReader', () => {
  it('reads responses with Content-Length and chunked bodies back to back, split anywhere', () => {
    const wire = Buffer.from(
      'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{"a":1}' +
        'HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n' +
        'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n' +
        'HTTP/1.1 204 No Content\r\n\r\n',
    )
    for (let size = 1; size <= wire.length; size += 7) {
      const { reader, responses } = collect()
      for (let offset = 0; offset < wire.length; offset += size) {
        reader.feed(wire.subarray(offset, offset + size))
      }
      expect(responses).toEqual([
        {
          status: 200,
          headers: { 'content-type': 'application/json', 'content-length': '7' },
          body: '{"a":1}',
        },
        { status: 202, headers: { 'transfer-encoding': 'chunked' }, body: '' },
        { status: 200, headers: { 'transfer-encoding': 'chunked' }, body: 'hello world' },
        { status: 204, headers: {}, body: '' },
      ])
    }
  })

  it('says what is wrong with a response that is not HTTP/1.1', () => {
    const { reader } = collect()
    expect(() => {
      reader.feed(Buffer.from('SSH-2.0-OpenSSH\r\n\r\n'))
    }).toThrow('not an HTTP/1.1 status line')
  })
})

describe('RawHttpConnection', () => {
  let server: Server
  let port: number
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        if (request.url === '/close') {
          response.writeHead(200, { connection: 'close' }).end('bye')
          return
        }
        if (request.url === '/stream') {
          response.writeHead(200, { 'content-type': 'text/plain' })
          response.write('part 1, ')
          setTimeout(() => response.end('part 2'), 5)
          return
        }
        response
          .writeHead(200, { 'content-type': 'application/json', 'x-method': request.method })
          .end(JSON.stringify({ body, url: request.url }))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => {
    server.close()
  })

  it('sends requests one after another on one socket, and reconnects after Connection: close', async () => {
    const connection = new RawHttpConnection(port)
    const first = await connection.request('POST', '/a', { 'content-type': 'text/plain' }, 'héllo')
    expect(first.status).toBe(200)
    expect(first.headers['x-method']).toBe('POST')
    expect(JSON.parse(first.body)).toEqual({ body: 'héllo', url: '/a' })
    expect((await connection.request('GET', '/stream', {})).body).toBe('part 1, part 2')
    expect((await connection.request('GET', '/close', {})).body).toBe('bye')
    expect(JSON.parse((await connection.request('GET', '/b', {})).body)).toEqual({
      body: '',
      url: '/b',
    })
    connection.close()
  })

  it('fails a request when nothing listens, naming it', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const free = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    await expect(new RawHttpConnection(free).request('GET', '/x', {})).rejects.toThrow()
  })
})
