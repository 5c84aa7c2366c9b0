import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { TestClient } from '../../test/harness.js'
import { McpServer } from '../mcp-server.js'

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
  return {
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  }
}

const VALID = [
  {
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { name: 'echo', arguments: { message: 'x' } },
  },
  { jsonrpc: '2.0', id: 'a', method: 'tools/list' },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, result: { action: 'accept' } },
  {
    jsonrpc: '2.0',
    id: 3,
    method: 'initialize',
    params: {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'f', version: '1' },
    },
  },
]

const BROKEN_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  '',
  'x'.repeat(300),
  [],
  {},
  true,
  { nested: [1, { a: null }] },
  '__proto__',
]

function mutate(message: Record<string, unknown>, rng: ReturnType<typeof random>): unknown {
  if (rng.chance(0.1)) return rng.pick(BROKEN_VALUES)
  if (rng.chance(0.1)) return [message, rng.pick(VALID)]
  const copy: Record<string, unknown> = structuredClone(message)
  const key = rng.pick([
    'jsonrpc',
    'id',
    'method',
    'params',
    'result',
    'error',
    '__proto__',
    'constructor',
  ])
  if (rng.chance(0.3)) Reflect.deleteProperty(copy, key)
  else copy[key] = rng.pick(BROKEN_VALUES)
  if (rng.chance(0.3) && typeof copy.params === 'object' && copy.params !== null) {
    ;(copy.params as Record<string, unknown>)[
      rng.pick(['name', 'arguments', 'cursor', 'uri', '_meta'])
    ] = rng.pick(BROKEN_VALUES)
  }
  return copy
}

describe('robustness', () => {
  it('answers 600 malformed requests with 2xx or a 4xx that says what was wrong; never a 500, never a stack', async () => {
    const errors: Error[] = []
    const server = new McpServer(
      { name: 'fuzz', version: '1' },
      { onError: (error) => errors.push(error) },
    )
    server.tool('echo', { inputSchema: z.object({ message: z.string() }) }, ({ message }) => ({
      content: [{ type: 'text', text: message }],
    }))
    const app = server.app({ path: '/mcp' })
    const client = new TestClient(app)
    await client.initialize()
    const rng = random(20261121)
    for (let round = 0; round < 600; round++) {
      const message = rng.pick(VALID) as Record<string, unknown>
      const body = rng.chance(0.1)
        ? '{"jsonrpc": "2.0", "id":'
        : JSON.stringify(mutate(message, rng))
      const headers = client.headers()
      if (rng.chance(0.15))
        headers['mcp-session-id'] = rng.pick(['', 'x y', 'nope', '\u00e9', 'a'.repeat(200)])
      if (rng.chance(0.1)) delete headers['mcp-session-id']
      if (rng.chance(0.1)) headers['mcp-protocol-version'] = rng.pick(['', '2030-01-01', 'garbage'])
      if (rng.chance(0.05))
        headers['content-type'] = rng.pick(['text/plain', 'application/json; charset=latin1'])
      const method = rng.chance(0.9) ? 'POST' : rng.pick(['GET', 'DELETE', 'PUT', 'PATCH'])
      const response = await app.request('http://localhost/mcp', {
        method,
        headers,
        body: method === 'POST' || method === 'PUT' || method === 'PATCH' ? body : undefined,
      })
      expect(response.status, `round ${round}: ${method} ${body}`).toBeLessThan(500)
      const text =
        response.headers.get('content-type') === 'text/event-stream' ? '' : await response.text()
      if (response.status >= 400) {
        const parsed = JSON.parse(text) as { error: { message: string } }
        expect(parsed.error.message.length).toBeGreaterThan(10)
        expect(text).not.toMatch(/\n\s+at |\.ts:\d+/)
      }
      if (response.headers.get('content-type') === 'text/event-stream')
        await response.body?.cancel()
      if (response.status === 200 && method === 'DELETE') {
        client.sessionId = undefined
        await client.initialize()
      }
    }
    expect(
      errors.filter((error) => !/invalid|response to no pending|Received/i.test(error.message)),
    ).toEqual([])
  })
})
