import { ErrorCode, LocalError, McpError } from '@mcp-sse/protocol'
import { McpServer as SdkServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'
import { describe, expect, it } from 'vitest'
import { handlerFetch } from '../http/__fixtures__/handler-fetch.js'
import { HttpClient, type FetchFunction } from '../http/http-client.js'
import { createOfficialServer } from './__fixtures__/official-v2-server.js'
import { createOwnModernServer } from './__fixtures__/own-modern-server.js'
import { createTransportMemory } from '../transport/memory.js'
import { negotiateEra, type NegotiateEraOptions } from './negotiate.js'

const url = 'http://localhost/mcp'
const identity = {
  protocolVersion: '2026-07-28',
  capabilities: {},
  clientInfo: { name: 'negotiate-test', version: '1.0.0' },
}

function negotiate(fetch: FetchFunction, options: Partial<NegotiateEraOptions> = {}) {
  return negotiateEra({ url, http: new HttpClient({ fetch, retry: 0 }), identity, ...options })
}

/** A server that answers every POST from a script, recording what it got. */
function scripted(...answers: ((body: Record<string, unknown>) => Response)[]) {
  const seen: { body: Record<string, unknown>; headers: Headers }[] = []
  const fetch = handlerFetch(async (request) => {
    const body = (await request.json()) as Record<string, unknown>
    seen.push({ body, headers: request.headers })
    const answer = answers[Math.min(seen.length, answers.length) - 1]!
    return answer(body)
  })
  return { fetch, seen }
}

const discoverResult = (body: Record<string, unknown>) =>
  Response.json({
    jsonrpc: '2.0',
    id: body.id,
    result: {
      resultType: 'complete',
      supportedVersions: ['2026-07-28'],
      capabilities: { tools: {} },
      ttlMs: 0,
      cacheScope: 'private',
    },
  })

describe('a server that answers any method with a result', () => {
  const lenient = (body: Record<string, unknown>) =>
    Response.json({ jsonrpc: '2.0', id: body.id, result: {} })

  it('is taken for a legacy server, since its answer is no discover result', async () => {
    const server = scripted(lenient)
    const memory = createTransportMemory()
    const verdict = await negotiate(server.fetch, { memory })
    expect(verdict).toMatchObject({ era: 'legacy' })
    expect(await memory.get(url)).toBeUndefined()
  })

  it('fails the modern era with a protocol error naming the URL', async () => {
    const error = await negotiate(scripted(lenient).fetch, { era: 'modern' }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(LocalError)
    expect((error as LocalError).message).toContain(`server/discover on ${url}`)
  })
})

/** The official v1 SDK with sessions (2025-11-25 and earlier): a probe has no session. */
function sdkV1Stateful(): FetchFunction {
  const server = new SdkServer({ name: 'v1', version: '1.0.0' })
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: () => crypto.randomUUID(),
  })
  const connected = server.connect(transport)
  return handlerFetch(async (request) => {
    await connected
    return transport.handleRequest(request)
  })
}

/** The official v1 SDK in stateless Streamable HTTP mode (2025-11-25 and earlier). */
function sdkV1Stateless(): FetchFunction {
  return handlerFetch(async (request) => {
    const server = new SdkServer({ name: 'v1', version: '1.0.0' })
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
    })
    await server.connect(transport)
    return transport.handleRequest(request)
  })
}

describe('negotiateEra', () => {
  it('finds a modern server with server/discover, official v2 and ours, and remembers it', async () => {
    const memory = createTransportMemory()
    const official = await negotiate(createOfficialServer().fetch, { memory })
    expect(official).toMatchObject({ era: 'modern', version: '2026-07-28' })
    if (official.era !== 'modern') return
    expect(official.discover.supportedVersions).toContain('2026-07-28')
    expect(official.discover._meta).toMatchObject({
      'io.modelcontextprotocol/serverInfo': { name: 'official-v2' },
    })
    expect(await memory.get(url)).toBe('stateless')

    const own = await negotiate(createOwnModernServer().fetch)
    expect(own).toMatchObject({
      era: 'modern',
      discover: { instructions: 'Our own 2026-07-28 dispatcher.' },
    })
  })

  it('sends the probe with _meta and the request metadata headers', async () => {
    const server = scripted(discoverResult)
    await negotiate(server.fetch)
    const [{ body, headers }] = server.seen as [(typeof server.seen)[number]]
    expect(body).toMatchObject({
      method: 'server/discover',
      params: {
        _meta: {
          'io.modelcontextprotocol/protocolVersion': '2026-07-28',
          'io.modelcontextprotocol/clientCapabilities': {},
          'io.modelcontextprotocol/clientInfo': identity.clientInfo,
        },
      },
    })
    expect(headers.get('mcp-protocol-version')).toBe('2026-07-28')
    expect(headers.get('mcp-method')).toBe('server/discover')
  })

  it('falls back to the legacy era for servers that predate 2026-07-28', async () => {
    // The v1 SDK answers 400 with a legacy error, with sessions and without.
    expect(await negotiate(sdkV1Stateful())).toMatchObject({ era: 'legacy' })
    expect(await negotiate(sdkV1Stateless())).toMatchObject({ era: 'legacy' })
    // An HTTP+SSE server has no POST endpoint at the URL.
    expect(await negotiate(() => new Response('Not Found', { status: 404 }))).toMatchObject({
      era: 'legacy',
    })
    expect(await negotiate(() => new Response(null, { status: 405 }))).toMatchObject({
      era: 'legacy',
    })
  })

  it('retries once with the version a -32022 names, then gives up', async () => {
    const unsupported = (body: Record<string, unknown>) =>
      Response.json(
        {
          jsonrpc: '2.0',
          id: body.id,
          error: {
            code: ErrorCode.UnsupportedProtocolVersion,
            message: 'Unsupported protocol version',
            data: { supported: ['2026-07-28'], requested: '2099-01-01' },
          },
        },
        { status: 400 },
      )
    const server = scripted(unsupported, discoverResult)
    const negotiated = await negotiate(server.fetch, {
      identity: { ...identity, protocolVersion: '2099-01-01' },
    })
    expect(negotiated).toMatchObject({ era: 'modern', version: '2026-07-28' })
    const [first, second] = server.seen
    expect(first!.headers.get('mcp-protocol-version')).toBe('2099-01-01')
    expect(second!.headers.get('mcp-protocol-version')).toBe('2026-07-28')
    expect(second!.body.id).not.toBe(first!.body.id)

    const stubborn = scripted(unsupported)
    await expect(negotiate(stubborn.fetch)).rejects.toThrow(
      /kept refusing|supports protocol versions/,
    )
    expect(stubborn.seen).toHaveLength(2)
  })

  it('falls back with the legacy version when a -32022 lists only legacy versions', async () => {
    const server = scripted((body) =>
      Response.json(
        {
          jsonrpc: '2.0',
          id: body.id,
          error: {
            code: -32022,
            message: 'no',
            data: { supported: ['2025-06-18'], requested: '2026-07-28' },
          },
        },
        { status: 400 },
      ),
    )
    expect(await negotiate(server.fetch)).toMatchObject({ era: 'legacy', version: '2025-06-18' })
  })

  it('does not fall back on a modern error or on a status that says nothing about the era', async () => {
    const notFound = scripted((body) =>
      Response.json(
        { jsonrpc: '2.0', id: body.id, error: { code: -32601, message: 'Method not found' } },
        { status: 404 },
      ),
    )
    const error = await negotiate(notFound.fetch).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(McpError)
    expect((error as McpError).code).toBe(ErrorCode.MethodNotFound)

    const memory = createTransportMemory()
    const unauthorized = await negotiate(() => new Response('no token', { status: 401 }), {
      memory,
    }).catch((e: unknown) => e)
    expect(unauthorized).toBeInstanceOf(LocalError)
    expect((unauthorized as LocalError).status).toBe(401)
    expect((unauthorized as LocalError).message).toMatch(
      /POST http:\/\/localhost\/mcp failed with 401/,
    )
    expect(await memory.get(url)).toBeUndefined()
  })

  it('honours a forced era and a remembered legacy wire', async () => {
    await expect(negotiate(sdkV1Stateful(), { era: 'modern' })).rejects.toThrow(
      /does not speak MCP 2026-07-28/,
    )
    let probes = 0
    const counting: FetchFunction = () => {
      probes++
      return new Response(null, { status: 500 })
    }
    expect(await negotiate(counting, { era: 'legacy' })).toMatchObject({ era: 'legacy' })
    const memory = createTransportMemory()
    await memory.set(url, 'sse')
    expect(await negotiate(counting, { memory })).toEqual({
      era: 'legacy',
      wire: 'sse',
      reason: `${url} spoke sse before`,
    })
    expect(probes).toBe(0)
  })
})
