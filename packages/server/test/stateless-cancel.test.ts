/**
 * 2026-07-28 over a real socket: closing the connection is how a client cancels a request, for a
 * JSON reply as for an SSE one (on Node the server learns it from the response's close event).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { McpServer } from '../src/index.js'
import { serve, type RunningServer } from '../src/node/index.js'
import { ModernTestClient } from './modern-client.js'

const running: RunningServer[] = []

afterEach(async () => {
  for (const server of running.splice(0)) await server.close()
})

async function waitingServer() {
  const server = new McpServer({ name: 'cancel', version: '1.0.0' })
  const seen: string[] = []
  let started!: () => void
  const begun = new Promise<void>((resolve) => {
    started = resolve
  })
  let ended!: (reason: string) => void
  const cancelled = new Promise<string>((resolve) => {
    ended = resolve
  })
  server.tool('wait', { description: 'Waits until cancelled' }, async (_args, ctx) => {
    seen.push('started')
    started()
    await new Promise<void>((resolve) => {
      ctx.signal.addEventListener('abort', () => {
        ended((ctx.signal.reason as Error).message)
        resolve()
      })
    })
    return { content: [{ type: 'text', text: 'too late' }] }
  })
  const listening = await serve(server, { port: 0 })
  running.push(listening)
  return { url: listening.url, begun, cancelled, seen }
}

describe('cancelling a 2026-07-28 request by closing the connection', () => {
  it('aborts the handler while its JSON reply is still pending', async () => {
    const { url, begun, cancelled } = await waitingServer()
    const abort = new AbortController()
    const client = new ModernTestClient(({ headers, body }) =>
      fetch(url, { method: 'POST', headers, body, signal: abort.signal }),
    )
    const call = client.request('tools/call', { name: 'wait', arguments: {} })
    await begun
    abort.abort()
    await expect(call).rejects.toThrow()
    expect(await cancelled).toMatch(/cancelled request 1 \(tools\/call\)/)
  })
})
