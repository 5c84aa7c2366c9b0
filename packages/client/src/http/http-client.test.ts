import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { LocalError } from '@mcp-sse/protocol'
import { describe, expect, it } from 'vitest'
import { httpStatusError, isConnectionRefused } from './errors.js'
import { handlerFetch } from './__fixtures__/handler-fetch.js'
import { HttpClient, type FetchFunction } from './http-client.js'

const URL_ = 'http://127.0.0.1:1/mcp'
const fast = { retryDelay: () => 1 }

function refused(): TypeError {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
  })
}

/** A fetch that answers from a list of outcomes and records what it was sent. */
function scripted(...outcomes: (Response | Error | (() => Promise<Response>))[]) {
  const requests: Request[] = []
  const bodies: string[] = []
  const fetch: FetchFunction = async (input, init) => {
    const request = new Request(input, init)
    requests.push(request)
    bodies.push(await request.text())
    const outcome = outcomes.shift() ?? new Response('unexpected', { status: 500 })
    if (outcome instanceof Error) throw outcome
    return typeof outcome === 'function' ? outcome() : outcome
  }
  return { fetch, requests, bodies }
}

async function rejection(promise: Promise<unknown>): Promise<LocalError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof LocalError) return error
    throw error
  }
  throw new Error('expected a rejection')
}

describe('HttpClient', () => {
  it('sends the body and merges option, auth and request headers, the request winning', async () => {
    const { fetch, requests, bodies } = scripted(new Response('{}'))
    const http = new HttpClient({
      fetch,
      headers: () => ({ 'x-api-key': 'k', 'x-both': 'option' }),
      authProvider: { headers: () => ({ authorization: 'Bearer t' }) },
    })
    const response = await http.request({
      method: 'POST',
      url: URL_,
      body: '{"jsonrpc":"2.0"}',
      headers: { 'x-both': 'request' },
      timeout: false,
    })
    expect(await response.text()).toBe('{}')
    const [request] = requests
    expect(request?.method).toBe('POST')
    expect(bodies).toEqual(['{"jsonrpc":"2.0"}'])
    expect(request?.headers.get('x-api-key')).toBe('k')
    expect(request?.headers.get('authorization')).toBe('Bearer t')
    expect(request?.headers.get('x-both')).toBe('request')
  })

  it('resolves with error statuses instead of throwing', async () => {
    const { fetch } = scripted(new Response('Session not found', { status: 404 }))
    const response = await new HttpClient({ fetch }).request({
      method: 'POST',
      url: URL_,
      timeout: false,
    })
    expect(response.status).toBe(404)
  })

  it('repeats a request whose connection was refused, since the server never saw it', async () => {
    const { fetch, requests } = scripted(refused(), refused(), new Response('ok'))
    const http = new HttpClient({ fetch, ...fast })
    const response = await http.request({ method: 'POST', url: URL_, body: 'x', timeout: false })
    expect(await response.text()).toBe('ok')
    expect(requests).toHaveLength(3)
  })

  it('does not repeat an unsafe request whose connection broke, and names it in the error', async () => {
    const { fetch, requests } = scripted(new TypeError('terminated'), new Response('ok'))
    const http = new HttpClient({ fetch, ...fast })
    const error = await rejection(
      http.request({ method: 'POST', url: URL_, rpcMethod: 'tools/call', timeout: false }),
    )
    expect(requests).toHaveLength(1)
    expect(error.type).toBe('network')
    expect(error.message).toBe(`POST ${URL_} (tools/call) failed: terminated`)
    expect(error.method).toBe('tools/call')
    expect(error.url).toBe(URL_)
  })

  it('repeats a safe request on broken connections and 503, within the retry limit', async () => {
    const { fetch, requests } = scripted(
      new TypeError('terminated'),
      new Response('busy', { status: 503 }),
      new Response('still busy', { status: 503 }),
    )
    const http = new HttpClient({ fetch, ...fast, retry: 2 })
    const response = await http.request({ method: 'GET', url: URL_, timeout: false, retry: 'safe' })
    expect(requests).toHaveLength(3)
    expect(response.status).toBe(503)
  })

  it('fails with a timeout error when the response headers do not come in time', async () => {
    const { fetch } = scripted(() => new Promise<Response>(() => {}))
    const error = await rejection(
      new HttpClient({ fetch }).request({ method: 'GET', url: URL_, timeout: 30, retry: 'safe' }),
    )
    expect(error.type).toBe('timeout')
    expect(error.message).toBe(`GET ${URL_} timed out after 30 ms`)
  })

  it('fails with an aborted error when the signal aborts', async () => {
    const controller = new AbortController()
    const fetch = handlerFetch(
      (request) =>
        new Promise((_resolve, reject) => {
          request.signal.addEventListener('abort', () => {
            reject(new DOMException('aborted', 'AbortError'))
          })
          controller.abort()
        }),
    )
    const error = await rejection(
      new HttpClient({ fetch }).request({
        method: 'POST',
        url: URL_,
        rpcMethod: 'ping',
        signal: controller.signal,
        timeout: false,
        retry: 'safe',
      }),
    )
    expect(error.type).toBe('aborted')
    expect(error.message).toBe(`POST ${URL_} (ping) was aborted`)
  })

  it('asks the auth provider on 401 and sends the request once more when it says so', async () => {
    let token = 'old'
    const { fetch, requests } = scripted(
      new Response('', { status: 401 }),
      new Response('', { status: 401 }),
    )
    const http = new HttpClient({
      fetch,
      authProvider: {
        headers: () => ({ authorization: `Bearer ${token}` }),
        onUnauthorized: () => {
          token = 'new'
          return true
        },
      },
    })
    const response = await http.request({ method: 'POST', url: URL_, timeout: false })
    expect(response.status).toBe(401)
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer old',
      'Bearer new',
    ])
  })

  it('calls the hooks around every attempt', async () => {
    const { fetch } = scripted(refused(), new Response('ok', { status: 202 }))
    const seen: string[] = []
    const http = new HttpClient({
      fetch,
      ...fast,
      hooks: {
        beforeRequest: (request) => void seen.push(`-> ${request.method}`),
        afterResponse: (_request, response) => void seen.push(`<- ${response.status}`),
      },
    })
    await http.request({ method: 'DELETE', url: URL_, timeout: false })
    expect(seen).toEqual(['-> DELETE', '-> DELETE', '<- 202'])
  })
})

describe('httpStatusError', () => {
  it('names the request and status and quotes the JSON-RPC error message', async () => {
    const response = new Response(
      JSON.stringify({
        jsonrpc: '2.0',
        id: null,
        error: { code: -32000, message: 'Session not found' },
      }),
      { status: 404, statusText: 'Not Found' },
    )
    const error = await httpStatusError(response, {
      method: 'POST',
      url: URL_,
      rpcMethod: 'tools/list',
    })
    expect(error.type).toBe('http')
    expect(error.status).toBe(404)
    expect(error.message).toBe(
      `POST ${URL_} failed with 404 Not Found (tools/list): Session not found`,
    )
  })

  it('quotes the start of a text body', async () => {
    const error = await httpStatusError(new Response('x'.repeat(500), { status: 400 }), {
      method: 'GET',
      url: URL_,
    })
    expect(error.message).toBe(`GET ${URL_} failed with 400: ${'x'.repeat(200)}…`)
  })
})

describe('isConnectionRefused', () => {
  it('recognises a refused connection from the runtime fetch', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await new Promise((resolve) => server.close(resolve))
    const error = await fetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => error)
    expect(isConnectionRefused(error)).toBe(true)
    expect(isConnectionRefused(new TypeError('terminated'))).toBe(false)
  })
})

describe('HttpClient with the runtime fetch', () => {
  it('follows a redirect that starts after the URL answered directly, running the request once', async () => {
    const seen: string[] = []
    let redirect = false
    const server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        seen.push(`${request.method} ${request.url} ${body}`)
        if (redirect && request.url === '/mcp') {
          response.writeHead(307, { location: '/moved' }).end()
          return
        }
        response.writeHead(200, { 'content-type': 'text/plain' }).end(`ran ${body}`)
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`
    try {
      const http = new HttpClient()
      const send = async (body: string) => {
        const response = await http.request({ method: 'POST', url, body, timeout: false })
        return response.text()
      }
      expect(await send('a')).toBe('ran a')
      expect(await send('b')).toBe('ran b')
      redirect = true
      expect(await send('c')).toBe('ran c')
      expect(await send('d')).toBe('ran d')
      expect(seen.filter((line) => line.startsWith('POST /moved'))).toEqual([
        'POST /moved c',
        'POST /moved d',
      ])
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
