import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { serverPerTest, startServer, type Handler } from './__fixtures__/server.js'
import { createNodeFetch, nodeFetch } from './node-fetch.js'

const serve = serverPerTest()

/** A promise and the function that settles it. */
function deferred<T = void>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((settle) => {
    resolve = settle
  })
  return { promise, resolve }
}

/** Echoes what the request was, as JSON. */
const echo: Handler = (request, response) => {
  response.setHeader('content-type', 'application/json')
  response.end(
    JSON.stringify({ method: request.method, headers: request.headers, body: request.text }),
  )
}

interface Echoed {
  method: string
  headers: Record<string, string>
  body: string
}

describe('nodeFetch: requests and responses', () => {
  it('sends method, headers and a string body, and answers with a web Response', async () => {
    const server = await serve(echo)
    const response = await nodeFetch(`${server.origin}/mcp?x=1`, {
      method: 'post',
      headers: { 'Content-Type': 'application/json', 'x-api-key': 'k' },
      body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
    })
    expect(response).toBeInstanceOf(Response)
    expect(response.status).toBe(200)
    expect(response.statusText).toBe('OK')
    expect(response.ok).toBe(true)
    expect(response.url).toBe(`${server.origin}/mcp?x=1`)
    expect(response.redirected).toBe(false)
    expect(response.headers.get('content-type')).toBe('application/json')
    const echoed = (await response.json()) as Echoed
    expect(echoed.method).toBe('POST')
    expect(echoed.body).toBe('{"jsonrpc":"2.0","id":1,"method":"ping"}')
    expect(echoed.headers['content-type']).toBe('application/json')
    expect(echoed.headers['x-api-key']).toBe('k')
    expect(echoed.headers['content-length']).toBe('40')
    expect(echoed.headers.host).toBe(new URL(server.origin).host)
    expect(echoed.headers.connection).toBe('keep-alive')
    const get = (await (await nodeFetch(server.origin)).json()) as Echoed
    expect(get.headers['transfer-encoding']).toBeUndefined()
    expect(get.headers['content-length']).toBeUndefined()
  })

  it('takes headers as Headers or pairs, a URL, a Request, and byte and form bodies', async () => {
    const server = await serve(echo)
    const viaHeaders = (await (
      await nodeFetch(new URL(`${server.origin}/a`), {
        method: 'PUT',
        headers: new Headers({ 'x-one': '1' }),
        body: new TextEncoder().encode('bytes'),
      })
    ).json()) as Echoed
    expect(viaHeaders).toMatchObject({ method: 'PUT', body: 'bytes' })
    expect(viaHeaders.headers['x-one']).toBe('1')

    const viaPairs = (await (
      await nodeFetch(`${server.origin}/b`, {
        method: 'POST',
        headers: [
          ['x-many', 'a'],
          ['x-many', 'b'],
        ],
        body: new URLSearchParams({ q: 'a b' }),
      })
    ).json()) as Echoed
    expect(viaPairs.body).toBe('q=a+b')
    expect(viaPairs.headers['x-many']).toBe('a, b')
    expect(viaPairs.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8')

    const request = new Request(`${server.origin}/c`, {
      method: 'POST',
      headers: { 'x-from': 'request' },
      body: 'from a Request',
    })
    const viaRequest = (await (await nodeFetch(request)).json()) as Echoed
    expect(viaRequest).toMatchObject({ method: 'POST', body: 'from a Request' })
    expect(viaRequest.headers['x-from']).toBe('request')
  })

  it('rejects bodies it cannot send, and a GET with a body, with a clear TypeError', async () => {
    const server = await serve(echo)
    const stream = new ReadableStream({
      start(controller) {
        controller.close()
      },
    })
    await expect(
      nodeFetch(server.origin, { method: 'POST', body: stream, duplex: 'half' } as RequestInit),
    ).rejects.toThrow(/not ReadableStream/)
    await expect(nodeFetch(server.origin, { body: 'x' })).rejects.toThrow(TypeError)
    await expect(nodeFetch('ftp://127.0.0.1/')).rejects.toThrow(TypeError)
    await expect(nodeFetch(server.origin, { headers: { 'x-bad': 'a\nb' } })).rejects.toThrow(
      TypeError,
    )
  })

  it('keeps repeated set-cookie headers apart, and gives a 204 and a HEAD no body', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/empty') {
        response.writeHead(204).end()
        return
      }
      response.setHeader('set-cookie', ['a=1', 'b=2'])
      response.end('body')
    })
    const response = await nodeFetch(server.origin)
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(await response.text()).toBe('body')
    const empty = await nodeFetch(`${server.origin}/empty`, { method: 'POST' })
    expect(empty.status).toBe(204)
    expect(empty.body).toBeNull()
    const head = await nodeFetch(server.origin, { method: 'HEAD' })
    expect(head.body).toBeNull()
  })

  it('decodes a gzip body', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' })
      response.end(gzipSync('compressed text'))
    })
    expect(await (await nodeFetch(server.origin)).text()).toBe('compressed text')
  })

  it('reuses kept-alive connections', async () => {
    const server = await serve(echo)
    for (let index = 0; index < 5; index++) {
      await (await nodeFetch(server.origin, { method: 'POST', body: String(index) })).text()
    }
    expect(server.connections()).toBe(1)
    const parallel = () =>
      Promise.all(Array.from({ length: 4 }, async () => (await nodeFetch(server.origin)).text()))
    await parallel()
    await parallel()
    expect(server.connections()).toBeLessThanOrEqual(4)
  })

  it('opens a connection per request without keep-alive', async () => {
    const server = await serve(echo)
    const fetch = createNodeFetch({ keepAlive: false })
    for (let index = 0; index < 3; index++) await (await fetch(server.origin)).text()
    expect(server.connections()).toBe(3)
  })
})

describe('nodeFetch: streamed bodies', () => {
  it('streams an event stream: events arrive before the response ends', async () => {
    const release = deferred()
    const server = await serve(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('data: first\n\n')
      await release.promise
      response.end('data: second\n\n')
    })
    const response = await nodeFetch(server.origin)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    expect((await reader.read()).value).toBe('data: first\n\n')
    release.resolve()
    let rest = ''
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += chunk.value
    }
    expect(rest).toBe('data: second\n\n')
  })

  it('streams a body of unknown length that is still coming', async () => {
    const release = deferred()
    const server = await serve(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' })
      response.write('{"n":1}\n')
      await release.promise
      response.end('{"n":2}\n')
    })
    const response = await nodeFetch(server.origin)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    expect((await reader.read()).value).toBe('{"n":1}\n')
    release.resolve()
    expect((await reader.read()).value).toBe('{"n":2}\n')
  })

  it('cancelling the body closes the connection', async () => {
    const closed = deferred()
    const server = await serve((request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write(': open\n\n')
      request.socket.on('close', () => {
        closed.resolve()
      })
    })
    const response = await nodeFetch(server.origin)
    const reader = response.body!.getReader()
    await reader.read()
    await reader.cancel()
    await closed.promise
  })
})

describe('nodeFetch: abort signals', () => {
  it('rejects with the reason of a signal aborted before the request, sending nothing', async () => {
    let requests = 0
    const server = await serve((_request, response) => {
      requests++
      response.end()
    })
    const reason = new Error('stop')
    await expect(nodeFetch(server.origin, { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    )
    await expect(nodeFetch(server.origin, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    })
    expect(requests).toBe(0)
  })

  it('rejects and closes the connection when aborted while waiting for the response', async () => {
    const arrived = deferred()
    const closed = deferred()
    const server = await serve((request) => {
      request.socket.on('close', () => {
        closed.resolve()
      })
      arrived.resolve()
    })
    const controller = new AbortController()
    const pending = nodeFetch(server.origin, {
      method: 'POST',
      body: 'x',
      signal: controller.signal,
    })
    await arrived.promise
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    await closed.promise
  })

  it('fails a streamed body with the reason when aborted mid-stream', async () => {
    const closed = deferred()
    const server = await serve((request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('data: first\n\n')
      request.socket.on('close', () => {
        closed.resolve()
      })
    })
    const controller = new AbortController()
    const response = await nodeFetch(server.origin, { signal: controller.signal })
    const reader = response.body!.getReader()
    await reader.read()
    const reason = new Error('enough')
    controller.abort(reason)
    await expect(reader.read()).rejects.toBe(reason)
    await closed.promise
  })
})

describe('nodeFetch: failures', () => {
  it("fails with TypeError('fetch failed') keeping the errno code when refused", async () => {
    const server = await startServer(echo)
    const origin = server.origin
    await server.close()
    const error = await nodeFetch(origin).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toBe('fetch failed')
    expect((error as { cause: { code: string } }).cause.code).toBe('ECONNREFUSED')
  })

  it('fails a buffered body the server cuts short', async () => {
    const server = await serve((request, response) => {
      response.writeHead(200, { 'content-length': '100' })
      response.write('only part')
      setImmediate(() => request.socket.destroy())
    })
    await expect(nodeFetch(server.origin)).rejects.toThrow('fetch failed')
  })
})
