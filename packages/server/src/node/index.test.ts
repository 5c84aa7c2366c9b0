import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { McpServer } from '../mcp-server.js'
import { serve } from './index.js'

describe('serve', () => {
  it('serves an McpServer on a real socket in one call, and closes with open streams', async () => {
    const server = new McpServer({ name: 'node', version: '1.0.0' })
    server.tool('echo', { inputSchema: z.object({ message: z.string() }) }, ({ message }) => ({
      content: [{ type: 'text', text: message }],
    }))
    const running = await serve(server, { port: 0 })
    try {
      expect(running.url).toBe(`http://127.0.0.1:${running.port}/mcp`)
      const headers = {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      }
      const init = await fetch(running.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: {
            protocolVersion: '2025-11-25',
            capabilities: {},
            clientInfo: { name: 'n', version: '1' },
          },
        }),
      })
      const sessionId = init.headers.get('mcp-session-id')!
      expect(init.status).toBe(200)
      const stream = await fetch(running.url, {
        headers: { accept: 'text/event-stream', 'mcp-session-id': sessionId },
      })
      expect(stream.headers.get('content-type')).toBe('text/event-stream')
      const call = await fetch(running.url, {
        method: 'POST',
        headers: { ...headers, 'mcp-session-id': sessionId },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/call',
          params: { name: 'echo', arguments: { message: 'over tcp' } },
        }),
      })
      expect(await call.json()).toMatchObject({
        id: 2,
        result: { content: [{ text: 'over tcp' }] },
      })
      const health = await fetch(`http://127.0.0.1:${running.port}/health`)
      expect(await health.json()).toEqual({ status: 'ok' })
    } finally {
      await running.close()
    }
    expect(server.sessionCount).toBe(0)
  })
})
