import { ErrorCode, McpError, PROTOCOL_VERSIONS, v2026_07_28 } from '@mcp-sse/protocol'
import { describe, expect, it } from 'vitest'
import {
  checkModernMeta,
  completeResponseJson,
  completeResult,
  httpStatusOf,
  modernError,
  shouldSendLog,
} from './meta.js'

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'test', version: '1.0.0' },
}
const HEADERS = new Headers({ 'MCP-Protocol-Version': '2026-07-28' })

function check(meta: unknown, headers = HEADERS) {
  return checkModernMeta(
    { params: meta === undefined ? {} : { _meta: meta } },
    headers,
    PROTOCOL_VERSIONS,
  )
}

describe('checkModernMeta', () => {
  it('reads the request metadata; clientInfo is optional', () => {
    const full = check({ ...META, 'io.modelcontextprotocol/logLevel': 'info', progressToken: 7 })
    expect(full).toMatchObject({
      ok: true,
      meta: { protocolVersion: '2026-07-28', logLevel: 'info', progressToken: 7 },
    })
    const { 'io.modelcontextprotocol/clientInfo': _omitted, ...withoutInfo } = META
    expect(check(withoutInfo)).toMatchObject({ ok: true, meta: { clientInfo: undefined } })
  })

  it('answers -32602 with 400 for a missing _meta, version or capabilities', () => {
    for (const meta of [
      undefined,
      { 'io.modelcontextprotocol/clientCapabilities': {} },
      { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' },
      { ...META, 'io.modelcontextprotocol/clientCapabilities': 'all' },
      { ...META, 'io.modelcontextprotocol/logLevel': 'loud' },
    ]) {
      const result = check(meta)
      expect(result).toMatchObject({
        ok: false,
        httpStatus: 400,
        error: { code: ErrorCode.InvalidParams },
      })
    }
  })

  it('answers -32020 when the version header is missing or differs from _meta', () => {
    expect(check(META, new Headers())).toMatchObject({
      ok: false,
      httpStatus: 400,
      error: { code: ErrorCode.HeaderMismatch },
    })
    const mismatched = check(
      { ...META, 'io.modelcontextprotocol/protocolVersion': 'v999.0.0' },
      new Headers({ 'MCP-Protocol-Version': '2026-07-28' }),
    )
    expect(mismatched).toMatchObject({ ok: false, error: { code: ErrorCode.HeaderMismatch } })
  })

  it('answers -32022 listing every supported version for a version it does not serve', () => {
    const result = check(
      { ...META, 'io.modelcontextprotocol/protocolVersion': 'v999.0.0' },
      new Headers({ 'MCP-Protocol-Version': 'v999.0.0' }),
    )
    expect(result).toMatchObject({
      ok: false,
      httpStatus: 400,
      error: {
        code: ErrorCode.UnsupportedProtocolVersion,
        data: { supported: [...PROTOCOL_VERSIONS], requested: 'v999.0.0' },
      },
    })
    // A legacy version is negotiated with initialize, not sent per request.
    const legacy = check(
      { ...META, 'io.modelcontextprotocol/protocolVersion': '2025-11-25' },
      new Headers({ 'MCP-Protocol-Version': '2025-11-25' }),
    )
    expect(legacy).toMatchObject({
      ok: false,
      error: { code: ErrorCode.UnsupportedProtocolVersion },
    })
  })

  it('checks the version before the capabilities', () => {
    const result = check(
      { 'io.modelcontextprotocol/protocolVersion': '1900-01-01' },
      new Headers({ 'MCP-Protocol-Version': '1900-01-01' }),
    )
    expect(result).toMatchObject({
      ok: false,
      error: { code: ErrorCode.UnsupportedProtocolVersion },
    })
  })
})

describe('shouldSendLog', () => {
  it('sends nothing for a request without a log level, and filters by it otherwise', () => {
    expect(shouldSendLog('emergency', undefined)).toBe(false)
    expect(shouldSendLog('info', 'info')).toBe(true)
    expect(shouldSendLog('debug', 'info')).toBe(false)
    expect(shouldSendLog('error', 'warning')).toBe(true)
  })
})

describe('completeResult', () => {
  it('adds resultType and serverInfo, keeping the result and its _meta', () => {
    const result = completeResult(
      { content: [{ type: 'text', text: 'hi' }], _meta: { trace: 'x' } },
      { name: 'demo', version: '1.0.0' },
    )
    expect(result).toEqual({
      content: [{ type: 'text', text: 'hi' }],
      resultType: 'complete',
      _meta: {
        trace: 'x',
        'io.modelcontextprotocol/serverInfo': { name: 'demo', version: '1.0.0' },
      },
    })
    expect(v2026_07_28.CallToolResultSchema.safeParse(result).success).toBe(true)
  })
})

describe('completeResponseJson', () => {
  const serverInfo = { name: 'srv', version: '1.0.0' }
  const info = JSON.stringify(serverInfo)
  const hint = { ttlMs: 1000, cacheScope: 'public' }

  it('serialises the same response as the object envelope, without touching the result', () => {
    const cases: [Record<string, unknown>, typeof hint | undefined][] = [
      [{ content: [{ type: 'text', text: 'a "quoted" text' }] }, undefined],
      [{}, undefined],
      [{ tools: [] }, hint],
      [{ content: [], _meta: { trace: 'x' } }, undefined],
      [{ contents: [], _meta: { trace: 'x' } }, hint],
      [{ content: [], resultType: 'task' }, undefined],
      [{ resources: [], ttlMs: 5 }, hint],
    ]
    for (const [result, cache] of cases) {
      const before = structuredClone(result)
      const complete = completeResult(result, serverInfo)
      const expected = { jsonrpc: '2.0', id: 'r-1', result: { ...complete, ...cache } }
      expect(JSON.parse(completeResponseJson('r-1', result, serverInfo, info, cache))).toEqual(
        expected,
      )
      expect(result).toEqual(before)
    }
  })
})

describe('modernError', () => {
  it('turns resource not found into -32602 with the uri', () => {
    const converted = modernError(
      new McpError(ErrorCode.ResourceNotFound, 'Resource not found: test://x', {
        data: { uri: 'test://x' },
      }),
    )
    expect(converted).toMatchObject({ code: ErrorCode.InvalidParams, data: { uri: 'test://x' } })
    const other = new McpError(ErrorCode.InternalError, 'boom')
    expect(modernError(other)).toBe(other)
  })
})

describe('httpStatusOf', () => {
  it('maps the codes the transport page fixes and leaves method errors at 200', () => {
    expect(httpStatusOf(ErrorCode.MethodNotFound)).toBe(404)
    expect(httpStatusOf(ErrorCode.HeaderMismatch)).toBe(400)
    expect(httpStatusOf(ErrorCode.MissingRequiredClientCapability)).toBe(400)
    expect(httpStatusOf(ErrorCode.UnsupportedProtocolVersion)).toBe(400)
    expect(httpStatusOf(ErrorCode.InvalidParams)).toBe(200)
    expect(httpStatusOf(ErrorCode.InternalError)).toBe(200)
  })
})
