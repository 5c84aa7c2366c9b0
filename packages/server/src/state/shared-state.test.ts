import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { TestClient, messagesOf, readEvents } from '../../test/harness.js'
import { McpServer } from '../mcp-server.js'
import { MemoryEventStore } from './event-store.js'
import { MemoryMessageBus } from './message-bus.js'
import { MemorySessionStore } from './session-store.js'

describe('two instances sharing their state backends', () => {
  it('serve one session from either instance, and deliver a broadcast from one to streams on the other', async () => {
    const shared = {
      sessionStore: new MemorySessionStore(),
      eventStore: new MemoryEventStore(),
      messageBus: new MemoryMessageBus(),
    }
    const instances = ['a', 'b'].map((name) => {
      const server = new McpServer({ name: `instance-${name}`, version: '1' }, shared)
      server.tool('whoami', { inputSchema: z.object({}) }, (_args, ctx) => ({
        content: [{ type: 'text', text: `${name} serves ${String(ctx.session.clientInfo?.name)}` }],
      }))
      return { server, app: server.app({ path: '/mcp' }) }
    })
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]]
    const onA = new TestClient(a.app)
    await onA.initialize()
    // The same session, its requests sent to the other instance (a round-robin proxy would).
    const onB = new TestClient(b.app)
    onB.sessionId = onA.sessionId
    expect((await onB.call('tools/call', { name: 'whoami', arguments: {} })).content[0].text).toBe(
      'b serves test',
    )
    const listening = readEvents(await onA.get(), (_event, all) => all.length === 2)
    await b.server.broadcast('notifications/message', { level: 'info', data: 'from b' })
    expect(messagesOf(await listening).map((message) => message.params.data)).toEqual(['from b'])
    // Ended on one instance, gone on both.
    expect((await onB.delete()).status).toBe(200)
    expect((await onA.post({ jsonrpc: '2.0', id: 9, method: 'ping' })).status).toBe(404)
  })
})
