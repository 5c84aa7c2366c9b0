import { describe, expect, it } from 'vitest'
import { BufferedResponse, StreamedResponse } from './node-response.js'

const init = { status: 201, statusText: 'Created', headers: [['content-type', 'application/json']] }

function buffered(text = '{"ok":true}'): BufferedResponse {
  const bytes = new TextEncoder().encode(text)
  return new BufferedResponse(bytes, init as ResponseInit, 'http://127.0.0.1/mcp', true)
}

describe('BufferedResponse', () => {
  it('is a Response with the status, headers, url and redirected it was given', () => {
    const response = buffered()
    expect(response).toBeInstanceOf(Response)
    expect(response.status).toBe(201)
    expect(response.statusText).toBe('Created')
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.url).toBe('http://127.0.0.1/mcp')
    expect(response.redirected).toBe(true)
  })

  it('reads its body once, as text or JSON, like any Response', async () => {
    const response = buffered()
    expect(response.bodyUsed).toBe(false)
    expect(await response.json()).toEqual({ ok: true })
    expect(response.bodyUsed).toBe(true)
    await expect(response.text()).rejects.toThrow(TypeError)
    await expect(response.arrayBuffer()).rejects.toThrow(TypeError)
    expect(() => response.clone()).toThrow(TypeError)
  })

  it('strips a byte order mark and rejects JSON that is not', async () => {
    expect(await buffered('\uFEFFhello').text()).toBe('hello')
    await expect(buffered('not json').json()).rejects.toThrow(SyntaxError)
  })

  it('gives its body as a stream when asked, and then reads through it', async () => {
    const response = buffered('streamed')
    const reader = response.body!.getReader()
    const { value } = await reader.read()
    expect(new TextDecoder().decode(value)).toBe('streamed')
    expect(response.bodyUsed).toBe(true)
    await expect(response.text()).rejects.toThrow(TypeError)
  })

  it('clones, and gives bytes and blobs', async () => {
    const response = buffered('twice')
    const copy = response.clone()
    expect(copy.url).toBe(response.url)
    expect(await copy.text()).toBe('twice')
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe('twice')
    const blob = await buffered('blob').blob()
    expect(blob.type).toBe('application/json')
    expect(await blob.text()).toBe('blob')
  })
})

describe('StreamedResponse', () => {
  it('carries url and redirected over a streamed or empty body', async () => {
    const response = new StreamedResponse(
      new Response('chunk').body,
      { status: 200 },
      'http://127.0.0.1/sse',
      false,
    )
    expect(response).toBeInstanceOf(Response)
    expect(response.url).toBe('http://127.0.0.1/sse')
    expect(response.redirected).toBe(false)
    const copy = response.clone()
    expect(copy.url).toBe('http://127.0.0.1/sse')
    expect(await copy.text()).toBe('chunk')
    expect(await response.text()).toBe('chunk')
    expect(new StreamedResponse(null, { status: 204 }, 'http://x/', false).body).toBeNull()
  })
})
