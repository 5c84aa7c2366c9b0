import { connect } from '@mcp-sse/client'
import { describe, expect, it } from 'vitest'
import { createApp } from './server.js'

describe('createApp', () => {
  it('keeps the app’s own routes and leaves health open', async () => {
    const { app, mcp } = createApp({ apiKey: 'secret' })
    try {
      expect(await (await app.request('/')).text()).toContain('Hello from your own Hono app')
      const health = await app.request('/mcp/health')
      expect(health.status).toBe(200)
      expect(await health.json()).toEqual({ status: 'ok' })
    } finally {
      await mcp.close()
    }
  })

  it('asks for the API key on every MCP route, streams included', async () => {
    const { app, mcp } = createApp({ apiKey: 'secret' })
    try {
      const post = (authorization?: string) =>
        app.request('/mcp', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(authorization === undefined ? {} : { authorization }),
          },
          body: '{}',
        })
      const missing = await post()
      expect(missing.status).toBe(401)
      expect(await missing.text()).toBe('Send Authorization: Bearer <your API key>')
      const wrong = await post('Bearer nope')
      expect(wrong.status).toBe(401)
      expect(await wrong.text()).toBe('That API key is not valid')
      expect((await app.request('/mcp/sse')).status).toBe(401)
      expect((await app.request('/mcp/messages?sessionId=x', { method: 'POST' })).status).toBe(401)
      // With the key, the request reaches the MCP server, which answers in JSON-RPC.
      const allowed = await post('Bearer secret')
      expect(allowed.status).not.toBe(401)
      expect(await allowed.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32600 } })
    } finally {
      await mcp.close()
    }
  })

  it('serves a client in-process through the fetch option', async () => {
    const { app, mcp } = createApp({ apiKey: 'secret', stepMs: 0 })
    const client = await connect('http://localhost/mcp', {
      fetch: (input, init) => app.request(input, init),
      headers: { authorization: 'Bearer secret' },
      memory: false,
    })
    try {
      const result = await client.callTool('add', { a: 1, b: 2 })
      expect(result.structuredContent).toEqual({ sum: 3 })
      expect(result.content).toEqual([{ type: 'text', text: '1 + 2 = 3' }])
      const prompt = await client.getPrompt('explain', { topic: 'SSE' })
      expect(prompt.messages[0]?.content).toEqual({
        type: 'text',
        text: 'Explain SSE to a new teammate in three sentences.',
      })
    } finally {
      await client.close()
      await mcp.close()
    }
  })
})
