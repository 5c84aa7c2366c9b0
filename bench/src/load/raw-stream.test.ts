import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { openRawStream, TokenWatcher } from './raw-stream.js'

describe('TokenWatcher', () => {
  const token = Buffer.from('broadcast-1-abc')

  it('sees a token inside one chunk once per round', () => {
    const watcher = new TokenWatcher()
    watcher.arm(token, 1)
    expect(watcher.feed(Buffer.from('data: {"data":"broadcast-1-abc"}\n\n'))).toBe(true)
    expect(watcher.feed(Buffer.from('data: {"data":"broadcast-1-abc"}\n\n'))).toBe(false)
  })

  it('sees a token split across chunks', () => {
    const watcher = new TokenWatcher()
    watcher.arm(token, 1)
    expect(watcher.feed(Buffer.from('data: {"data":"broadc'))).toBe(false)
    expect(watcher.feed(Buffer.from('ast-1-abc"}\n\n'))).toBe(true)
  })

  it('sees a token split over three chunks, each shorter than the token', () => {
    const watcher = new TokenWatcher()
    watcher.arm(token, 1)
    expect(watcher.feed(Buffer.from('b'))).toBe(false)
    expect(watcher.feed(Buffer.from('roadcast-1-ab'))).toBe(false)
    expect(watcher.feed(Buffer.from('c"}'))).toBe(true)
  })

  it('ignores everything before it is armed and other tokens', () => {
    const watcher = new TokenWatcher()
    expect(watcher.feed(Buffer.from('broadcast-1-abc'))).toBe(false)
    watcher.arm(token, 1)
    expect(watcher.feed(Buffer.from(': keep-alive\n\ndata: broadcast-0-abc\n\n'))).toBe(false)
  })

  it('can see the next round', () => {
    const watcher = new TokenWatcher()
    watcher.arm(token, 1)
    watcher.feed(token)
    watcher.arm(Buffer.from('broadcast-2-xyz'), 2)
    expect(watcher.feed(Buffer.from('…broadcast-2-xyz…'))).toBe(true)
  })
})

describe('openRawStream', () => {
  let server: Server | undefined
  afterEach(() => {
    server?.closeAllConnections()
    server?.close()
  })

  function listen(handler: (response: ServerResponse, headers: Record<string, unknown>) => void) {
    return new Promise<number>((resolve) => {
      server = createServer((request, response) => {
        handler(response, request.headers)
      })
      server.listen(0, '127.0.0.1', () => {
        resolve((server!.address() as AddressInfo).port)
      })
    })
  }

  it('sends the headers, resolves on 200 and hands over the body bytes', async () => {
    let seenSession: unknown
    const port = await listen((response, headers) => {
      seenSession = headers['mcp-session-id']
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('data: first\n\n')
      setTimeout(() => response.write('data: second\n\n'), 20)
    })
    const received: string[] = []
    const gotSecond = new Promise<void>((resolve) => {
      void openRawStream(port, '/mcp', { 'mcp-session-id': 's-1' }, (chunk) => {
        received.push(chunk.toString())
        if (received.join('').includes('second')) resolve()
      })
    })
    await gotSecond
    expect(seenSession).toBe('s-1')
    expect(received.join('')).toContain('data: first')
  })

  it('rejects with the status line when the server refuses the stream', async () => {
    const port = await listen((response) => {
      response.writeHead(405, 'Method Not Allowed').end('no GET here')
    })
    await expect(openRawStream(port, '/mcp', {}, () => undefined)).rejects.toThrow(
      'GET /mcp answered HTTP/1.1 405 Method Not Allowed',
    )
  })
})
