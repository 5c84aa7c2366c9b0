/**
 * Stateless means horizontally scalable: two McpServer instances that share nothing but the
 * `requestState` keys, each on its own socket, behind an imaginary round-robin proxy. A multi
 * round-trip request started on one finishes on the other, the signed state carrying what the
 * retry needs.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { McpServer, type McpServerOptions } from '../src/index.js'
import { serve, type RunningServer } from '../src/node/index.js'
import { ModernTestClient, viaFetch } from './modern-client.js'

const SHARED_KEYS = ['k'.repeat(32)]
const running: RunningServer[] = []

afterEach(async () => {
  for (const server of running.splice(0)) await server.close()
})

/** One instance: its own bus, stores and handler runs; only `options` may be shared. */
async function instance(options: McpServerOptions, identify?: (user: string) => string) {
  const server = new McpServer({ name: 'orders', version: '1.0.0' }, options)
  const placed: string[] = []
  server.tool(
    'order',
    {
      description: 'Places an order after two questions',
      inputSchema: z.object({ item: z.string() }),
    },
    async ({ item }, ctx) => {
      const size = await ctx.elicit(
        {
          message: `Which size of ${item}?`,
          requestedSchema: { type: 'object', properties: { size: { type: 'string' } } },
        },
        { key: 'size' },
      )
      const confirm = await ctx.elicit(
        {
          message: `Order a ${String(size.content?.size)} ${item}?`,
          requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } } },
        },
        { key: 'confirm' },
      )
      if (confirm.content?.ok !== true) return { content: [{ type: 'text', text: 'cancelled' }] }
      placed.push(`${String(size.content?.size)} ${item}`)
      return {
        content: [{ type: 'text', text: `ordered a ${String(size.content?.size)} ${item}` }],
      }
    },
  )
  const listening = await serve(server, {
    port: 0,
    ...(identify === undefined
      ? {}
      : { identify: (c) => identify(c.req.header('x-user') ?? 'anonymous') }),
  })
  running.push(listening)
  return {
    client: (headers: Record<string, string> = {}) =>
      new ModernTestClient(
        (init) => viaFetch(listening.url)({ ...init, headers: { ...init.headers, ...headers } }),
        { elicitation: {} },
      ),
    placed,
  }
}

const ORDER = { name: 'order', arguments: { item: 'coffee' } }

describe('a 2026-07-28 request across instances that share no memory', () => {
  it('starts on instance A and completes on instance B with the same key', async () => {
    const a = await instance({ requestState: { keys: SHARED_KEYS } })
    const b = await instance({ requestState: { keys: SHARED_KEYS } })

    const first = await a.client().call('tools/call', ORDER)
    expect(first).toMatchObject({
      resultType: 'input_required',
      inputRequests: { size: { method: 'elicitation/create' } },
    })
    const second = await b.client().call('tools/call', {
      ...ORDER,
      requestState: first.requestState,
      inputResponses: { size: { action: 'accept', content: { size: 'large' } } },
    })
    expect(second).toMatchObject({
      resultType: 'input_required',
      inputRequests: { confirm: { params: { message: 'Order a large coffee?' } } },
    })
    const done = await a.client().call('tools/call', {
      ...ORDER,
      requestState: second.requestState,
      inputResponses: { confirm: { action: 'accept', content: { ok: true } } },
    })
    expect(done).toMatchObject({
      resultType: 'complete',
      content: [{ type: 'text', text: 'ordered a large coffee' }],
    })
    expect([a.placed, b.placed]).toEqual([['large coffee'], []])
  })

  it('is refused by an instance that holds other keys, and nothing is ordered', async () => {
    const a = await instance({ requestState: { keys: SHARED_KEYS } })
    const other = await instance({ requestState: { keys: ['o'.repeat(32)] } })
    const first = await a.client().call('tools/call', ORDER)
    const reply = await other.client().request('tools/call', {
      ...ORDER,
      requestState: first.requestState,
      inputResponses: { size: { action: 'accept', content: { size: 'small' } } },
    })
    expect(reply.response.error).toMatchObject({ code: -32602 })
    expect(other.placed).toEqual([])
  })

  it('binds the state to the caller and the params: another user or another item is refused', async () => {
    const byUser = (user: string) => `user:${user}`
    const a = await instance({ requestState: { keys: SHARED_KEYS } }, byUser)
    const b = await instance({ requestState: { keys: SHARED_KEYS } }, byUser)
    const first = await a.client({ 'x-user': 'alice' }).call('tools/call', ORDER)
    const answers = { size: { action: 'accept', content: { size: 'small' } } }

    const mallory = await b.client({ 'x-user': 'mallory' }).request('tools/call', {
      ...ORDER,
      requestState: first.requestState,
      inputResponses: answers,
    })
    expect(mallory.response.error?.message).toMatch(/another principal/)

    const otherItem = await b.client({ 'x-user': 'alice' }).request('tools/call', {
      name: 'order',
      arguments: { item: 'tea' },
      requestState: first.requestState,
      inputResponses: answers,
    })
    expect(otherItem.response.error?.message).toMatch(/other params/)

    const alice = await b.client({ 'x-user': 'alice' }).call('tools/call', {
      ...ORDER,
      requestState: first.requestState,
      inputResponses: answers,
    })
    expect(alice.resultType).toBe('input_required')
  })
})
