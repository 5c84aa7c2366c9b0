import { Agent, createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { serverPerTest, type TestServer } from './__fixtures__/server.js'
import { TEST_CERT, TEST_KEY } from './__fixtures__/tls.js'
import { createNodeFetch, nodeFetch } from './node-fetch.js'

const serve = serverPerTest()

interface Seen {
  method: string
  body: string
  headers: Record<string, string | string[] | undefined>
}

/** `/to/<status>` redirects to `/end` with that status; `/end` says what it got. */
async function redirecting(): Promise<TestServer> {
  return serve((request, response) => {
    const match = /^\/to\/(\d+)$/.exec(request.url ?? '')
    if (match !== null) {
      response.writeHead(Number(match[1]), { location: '/end' }).end('moved')
      return
    }
    response.setHeader('content-type', 'application/json')
    const seen: Seen = { method: request.method!, body: request.text, headers: request.headers }
    response.end(JSON.stringify(seen))
  })
}

const post = { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'payload' }

describe("redirect: 'follow'", () => {
  it('turns a POST into a GET without its body on 301, 302 and 303', async () => {
    const server = await redirecting()
    for (const status of [301, 302, 303]) {
      const response = await nodeFetch(`${server.origin}/to/${status}`, post)
      expect(response.status).toBe(200)
      expect(response.redirected).toBe(true)
      expect(response.url).toBe(`${server.origin}/end`)
      const seen = (await response.json()) as Seen
      expect(seen.method).toBe('GET')
      expect(seen.body).toBe('')
      expect(seen.headers['content-type']).toBeUndefined()
    }
  })

  it('keeps the method and the body on 307 and 308', async () => {
    const server = await redirecting()
    for (const status of [307, 308]) {
      const response = await nodeFetch(`${server.origin}/to/${status}`, post)
      const seen = (await response.json()) as Seen
      expect(seen).toMatchObject({ method: 'POST', body: 'payload' })
      expect(seen.headers['content-type']).toBe('text/plain')
    }
  })

  it('drops credentials when the redirect leaves the origin', async () => {
    const target = await redirecting()
    const origin = await serve((_request, response) => {
      response.writeHead(307, { location: `${target.origin}/end` }).end()
    })
    const response = await nodeFetch(origin.origin, {
      headers: { authorization: 'Bearer secret', 'x-kept': 'yes' },
    })
    const seen = (await response.json()) as Seen
    expect(seen.headers.authorization).toBeUndefined()
    expect(seen.headers['x-kept']).toBe('yes')
  })

  it('answers with a redirect that has no location, body included', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(302).end('nowhere to go')
    })
    const response = await nodeFetch(server.origin)
    expect(response.status).toBe(302)
    expect(await response.text()).toBe('nowhere to go')
  })

  it('gives up after 20 redirects', async () => {
    let hops = 0
    const server = await serve((_request, response) => {
      hops++
      response.writeHead(302, { location: '/again' }).end()
    })
    const error = await nodeFetch(server.origin).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).cause).toMatchObject({ message: 'redirect count exceeded' })
    expect(hops).toBe(21)
  })
})

describe("redirect: 'manual' and 'error'", () => {
  it("'manual' answers with the redirect itself", async () => {
    const server = await redirecting()
    const response = await nodeFetch(`${server.origin}/to/307`, { ...post, redirect: 'manual' })
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe('/end')
    expect(response.redirected).toBe(false)
    expect(await response.text()).toBe('moved')
  })

  it("'error' rejects as undici does, so the client can tell a redirect apart", async () => {
    const server = await redirecting()
    const error = await nodeFetch(`${server.origin}/to/308`, { ...post, redirect: 'error' }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toBe('fetch failed')
    expect((error as { cause: { message: string } }).cause.message).toBe('unexpected redirect')
  })
})

describe('https', () => {
  it('sends over TLS with the agent given, and follows a redirect from http to https', async () => {
    const tls = createHttpsServer({ key: TEST_KEY, cert: TEST_CERT }, (request, response) => {
      response.end(`secure ${request.method!} ${request.url!}`)
    })
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve))
    const secure = `https://127.0.0.1:${String((tls.address() as AddressInfo).port)}`
    const plain = await serve((_request, response) => {
      response.writeHead(302, { location: `${secure}/landed` }).end()
    })
    try {
      const fetch = createNodeFetch({ httpsAgent: new Agent({ ca: TEST_CERT, keepAlive: true }) })
      expect(await (await fetch(`${secure}/direct`)).text()).toBe('secure GET /direct')
      const response = await fetch(plain.origin)
      expect(response.url).toBe(`${secure}/landed`)
      expect(await response.text()).toBe('secure GET /landed')
      const untrusted = await nodeFetch(secure).catch((caught: unknown) => caught)
      expect(untrusted).toBeInstanceOf(TypeError)
      expect((untrusted as { cause: { code: string } }).cause.code).toBe(
        'DEPTH_ZERO_SELF_SIGNED_CERT',
      )
    } finally {
      tls.closeAllConnections()
      await new Promise((resolve) => tls.close(resolve))
    }
  })
})
