import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { eraFor, fallbackScenario, scenarios, type ScenarioInput } from './scenarios.js'

/** What the fixture server saw. */
interface Seen {
  calls: { name: string; args: unknown }[]
  elicited: unknown[]
}

const focalSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  $defs: {
    address: { $anchor: 'address', type: 'object', properties: { city: { type: 'string' } } },
  },
  properties: { home: { $ref: '#/$defs/address' } },
  additionalProperties: false,
}

/** An official SDK server with the tools the conformance mocks offer, on a real socket. */
async function start(seen: Seen): Promise<{ url: string; http: Server }> {
  const transports = new Map<string, StreamableHTTPServerTransport>()
  const build = () => {
    const server = new McpServer({ name: 'fixture', version: '1.0.0' })
    server.registerTool(
      'add_numbers',
      { inputSchema: { a: z.number(), b: z.number() } },
      (args) => {
        seen.calls.push({ name: 'add_numbers', args })
        return { content: [{ type: 'text', text: String(args.a + args.b) }] }
      },
    )
    server.registerTool('ask_defaults', {}, async () => {
      const answer = await server.server.elicitInput({
        message: 'accept with defaults',
        requestedSchema: {
          type: 'object',
          properties: {
            name: { type: 'string', default: 'John Doe' },
            score: { type: 'number', default: 95.5 },
            verified: { type: 'boolean', default: true },
          },
        },
      })
      seen.elicited.push(answer)
      return { content: [] }
    })
    server.registerTool(
      'json_schema_echo',
      { inputSchema: { schema: z.record(z.string(), z.unknown()) } },
      (args) => {
        seen.calls.push({ name: 'json_schema_echo', args })
        return { content: [{ type: 'text', text: 'echoed' }] }
      },
    )
    return server
  }
  const http = createServer((request, response) => {
    void (async () => {
      const id = request.headers['mcp-session-id']
      const existing = typeof id === 'string' ? transports.get(id) : undefined
      if (existing !== undefined) return existing.handleRequest(request, response)
      if (request.method !== 'POST') return void response.writeHead(405).end()
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (sessionId) => void transports.set(sessionId, transport),
      })
      await build().connect(transport)
      await transport.handleRequest(request, response)
    })()
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`, http }
}

let running: Server | undefined
afterEach(async () => {
  const server = running
  running = undefined
  if (server === undefined) return
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

async function run(name: string, seen: Seen) {
  const { url, http } = await start(seen)
  running = http
  const input: ScenarioInput = { url, context: {}, log: () => {} }
  await (scenarios[name] ?? fallbackScenario)(input)
}

describe('the everything client', () => {
  it('calls every tool with arguments made from its schema (tools_call)', async () => {
    const seen: Seen = { calls: [], elicited: [] }
    await run('tools_call', seen)
    expect(seen.calls.find((call) => call.name === 'add_numbers')?.args).toEqual({ a: 1, b: 2 })
  })

  it('accepts elicitations with the schema defaults filled in (SEP-1034)', async () => {
    const seen: Seen = { calls: [], elicited: [] }
    await run('elicitation-sep1034-client-defaults', seen)
    expect(seen.elicited).toEqual([
      { action: 'accept', content: { name: 'John Doe', score: 95.5, verified: true } },
    ])
  })

  it('speaks the era the suite asks for in MCP_CONFORMANCE_PROTOCOL_VERSION', () => {
    expect(eraFor('2026-07-28')).toBe('modern')
    expect(eraFor('2025-11-25')).toBe('legacy')
    expect(eraFor('2024-11-05')).toBe('legacy')
    expect(eraFor(undefined)).toBe('auto')
  })

  it('negotiates down to a 2025 server when no version is asked for', async () => {
    const seen: Seen = { calls: [], elicited: [] }
    await run('request-metadata', seen)
    expect(seen.calls.find((call) => call.name === 'add_numbers')?.args).toEqual({ a: 1, b: 2 })
  })

  it('says what is missing when the custom-headers scenario gets no tool calls', async () => {
    const seen: Seen = { calls: [], elicited: [] }
    await expect(run('http-custom-headers', seen)).rejects.toThrow(
      'MCP_CONFORMANCE_CONTEXT has no toolCalls',
    )
  })

  it('runs the handshake and lists tools for a scenario it does not know', async () => {
    const seen: Seen = { calls: [], elicited: [] }
    await run('some-future-scenario', seen)
    expect(seen.calls).toEqual([])
  })

  it('fails a scenario whose server lacks what it needs', async () => {
    const seen: Seen = { calls: [], elicited: [] }
    await expect(run('json-schema-2020-12-preservation', seen)).rejects.toThrow(
      'The server has no tool named json_schema_2020_12_tool',
    )
  })

  it('echoes a JSON Schema 2020-12 input schema back untouched', async () => {
    const echoed: unknown[] = []
    running = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        if (request.method !== 'POST') return void response.writeHead(405).end()
        const message = JSON.parse(body) as {
          id?: number
          method: string
          params?: { arguments?: unknown }
        }
        if (message.id === undefined) return void response.writeHead(202).end()
        const results: Record<string, unknown> = {
          initialize: {
            protocolVersion: '2025-11-25',
            capabilities: { tools: {} },
            serverInfo: { name: 'raw', version: '1' },
          },
          'tools/list': {
            tools: [
              { name: 'json_schema_2020_12_tool', inputSchema: focalSchema },
              {
                name: 'json_schema_echo',
                inputSchema: { type: 'object', properties: { schema: { type: 'object' } } },
              },
            ],
          },
          'tools/call': { content: [{ type: 'text', text: 'echoed' }] },
        }
        if (message.method === 'tools/call') echoed.push(message.params?.arguments)
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(
          JSON.stringify({ jsonrpc: '2.0', id: message.id, result: results[message.method] ?? {} }),
        )
      })
    })
    await new Promise<void>((resolve) => running?.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(running.address() as AddressInfo).port}/mcp`
    await scenarios['json-schema-2020-12-preservation']?.({ url, context: {}, log: () => {} })
    expect(echoed).toEqual([{ schema: focalSchema }])
  })
})
