import { describe, expect, it } from 'vitest'
import { checkAccept, checkContentType, checkOrigin, readBody, splitHost } from './guards.js'

function request(headers: Record<string, string>, url = 'http://localhost:3000/mcp'): Request {
  return new Request(url, { headers })
}

async function errorOf(response: Response | undefined) {
  expect(response).toBeDefined()
  const body = (await response!.json()) as {
    jsonrpc: string
    error: { code: number; message: string }
  }
  expect(body.jsonrpc).toBe('2.0')
  return { status: response!.status, ...body.error }
}

describe('splitHost', () => {
  it('splits names, ports and bracketed IPv6', () => {
    expect(splitHost('Example.COM:8080')).toEqual({ name: 'example.com', port: '8080' })
    expect(splitHost('localhost')).toEqual({ name: 'localhost', port: undefined })
    expect(splitHost('[::1]:3000')).toEqual({ name: '[::1]', port: '3000' })
  })
})

describe('checkOrigin', () => {
  const local = { allowedHosts: 'localhost' } as const

  it('accepts loopback hosts on any port by default, with or without a matching Origin', () => {
    for (const host of ['localhost:3000', '127.0.0.1:1', '[::1]:8080', 'LOCALHOST']) {
      expect(checkOrigin(request({ host }), local)).toBeUndefined()
    }
    expect(
      checkOrigin(request({ host: 'localhost:3000', origin: 'http://localhost:5173' }), local),
    ).toBeUndefined()
  })

  it('rejects a rebinding attack (foreign Host and Origin) with 403 naming the option', async () => {
    const error = await errorOf(
      checkOrigin(request({ host: 'evil.example.com', origin: 'http://evil.example.com' }), local),
    )
    expect(error.status).toBe(403)
    expect(error.message).toContain("Host 'evil.example.com' is not allowed")
    expect(error.message).toContain('allowedHosts')
  })

  it('rejects a foreign Origin on an allowed host', async () => {
    const error = await errorOf(
      checkOrigin(request({ host: 'localhost:3000', origin: 'https://attacker.test' }), local),
    )
    expect(error.status).toBe(403)
    expect(error.message).toContain("Origin 'https://attacker.test'")
  })

  it('uses explicit allow-lists', () => {
    const policy = {
      allowedHosts: ['api.example.com'],
      allowedOrigins: ['https://app.example.com'],
    }
    expect(checkOrigin(request({ host: 'api.example.com' }), policy)).toBeUndefined()
    expect(
      checkOrigin(request({ host: 'api.example.com', origin: 'https://app.example.com/' }), policy),
    ).toBeUndefined()
    expect(checkOrigin(request({ host: 'localhost' }), policy)?.status).toBe(403)
    expect(
      checkOrigin(request({ host: 'api.example.com', origin: 'https://api.example.com' }), policy)
        ?.status,
    ).toBe(403)
  })

  it('with allowedHosts: false accepts any host, and only same-origin browser calls', () => {
    const policy = { allowedHosts: false } as const
    expect(checkOrigin(request({ host: 'anything.test' }), policy)).toBeUndefined()
    expect(
      checkOrigin(request({ host: 'anything.test', origin: 'https://anything.test' }), policy),
    ).toBeUndefined()
    expect(
      checkOrigin(request({ host: 'anything.test', origin: 'https://other.test' }), policy)?.status,
    ).toBe(403)
    expect(checkOrigin(request({ host: 'anything.test', origin: 'null' }), policy)?.status).toBe(
      403,
    )
  })
})

describe('checkAccept', () => {
  const both = ['application/json', 'text/event-stream']

  it('accepts both types in any order, with parameters, or a wildcard', () => {
    expect(
      checkAccept(request({ accept: 'text/event-stream, application/json' }), both),
    ).toBeUndefined()
    expect(
      checkAccept(request({ accept: 'application/json;q=0.9,text/event-stream;q=1' }), both),
    ).toBeUndefined()
    expect(checkAccept(request({ accept: '*/*' }), both)).toBeUndefined()
  })

  it('rejects a missing or partial Accept with 406 saying what is missing', async () => {
    const error = await errorOf(checkAccept(request({ accept: 'application/json' }), both))
    expect(error.status).toBe(406)
    expect(error.message).toContain('missing text/event-stream')
    expect((await errorOf(checkAccept(request({}), both))).status).toBe(406)
  })
})

describe('checkContentType', () => {
  it('accepts application/json, with a UTF-8 charset or none', () => {
    expect(checkContentType(request({ 'content-type': 'application/json' }))).toBeUndefined()
    expect(
      checkContentType(request({ 'content-type': 'application/json; charset=UTF-8' })),
    ).toBeUndefined()
  })

  it('rejects other types and charsets with 415', async () => {
    for (const type of ['text/plain', 'application/json; charset=latin1']) {
      const error = await errorOf(checkContentType(request({ 'content-type': type })))
      expect(error.status).toBe(415)
      expect(error.message).toContain(type)
    }
    expect((await errorOf(checkContentType(request({})))).message).toContain('nothing')
  })
})

describe('readBody', () => {
  function post(body: BodyInit, headers: Record<string, string> = {}): Request {
    return new Request('http://localhost/mcp', {
      method: 'POST',
      body,
      headers,
      duplex: 'half',
    } as RequestInit)
  }

  it('reads a body within the limit', async () => {
    expect(await readBody(post('{"a":1}', { 'content-length': '7' }), 10)).toEqual({
      text: '{"a":1}',
    })
  })

  it('rejects a declared length over the limit with 413 without reading', async () => {
    const result = await readBody(post('x'.repeat(20), { 'content-length': '20' }), 10)
    expect('response' in result && result.response.status).toBe(413)
  })

  it('counts a chunked body while reading it and stops at the limit', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 5; index++) controller.enqueue(new Uint8Array(4).fill(120))
        controller.close()
      },
    })
    const result = await readBody(post(chunks), 10)
    expect('response' in result).toBe(true)
    if ('response' in result) {
      const error = await errorOf(result.response)
      expect(error.status).toBe(413)
      expect(error.message).toContain('10 bytes')
    }
    const small = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"b":'))
        controller.enqueue(new TextEncoder().encode('2}'))
        controller.close()
      },
    })
    expect(await readBody(post(small), 10)).toEqual({ text: '{"b":2}' })
  })
})
