import { describe, expect, it } from 'vitest'
import { createBenchServer } from './bench-server.js'

const headers = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
}

describe('the bench server', () => {
  it('echoes, and broadcasts to every open session', async () => {
    const server = createBenchServer()
    const app = server.app({ path: '/mcp' })
    const open = async () => {
      const response = await app.request('http://localhost/mcp', {
        method: 'POST',
        headers,
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 0,
          method: 'initialize',
          params: {
            protocolVersion: '2025-11-25',
            capabilities: {},
            clientInfo: { name: 'b', version: '1' },
          },
        }),
      })
      return { ...headers, 'mcp-session-id': response.headers.get('mcp-session-id') ?? '' }
    }
    const caller = await open()
    const listener = await open()
    const stream = await app.request('http://localhost/mcp', {
      headers: { accept: 'text/event-stream', 'mcp-session-id': listener['mcp-session-id'] },
    })
    const call = async (name: string, message: string) => {
      const response = await app.request('http://localhost/mcp', {
        method: 'POST',
        headers: caller,
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name, arguments: { message } },
        }),
      })
      return ((await response.json()) as { result: { content: { text: string }[] } }).result
        .content[0]!.text
    }
    expect(await call('echo', 'hello')).toBe('hello')
    expect(await call('broadcast', 'to all')).toBe('sent to 2 sessions')
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
    let text = ''
    while (!text.includes('to all')) text += (await reader.read()).value ?? ''
    await reader.cancel()
    expect(text).toContain(
      '"method":"notifications/message","params":{"level":"info","data":"to all"}',
    )
    await server.close()
  })
})
