import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  META_KEYS,
  checkModernRequest,
  classifyModernProbe,
  detectRequestEra,
  negotiateLegacyVersion,
  shouldTryHttpSse,
  unsupportedProtocolVersionError,
} from './negotiation.js'

const examples = new URL('../../../../shared/spec/schema/2026-07-28/examples/', import.meta.url)
function example(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, examples), 'utf8'))
}

const modernMeta = {
  [META_KEYS.protocolVersion]: '2026-07-28',
  [META_KEYS.clientInfo]: { name: 'ExampleClient', version: '1.0.0' },
  [META_KEYS.clientCapabilities]: {},
}
const discover = {
  jsonrpc: '2.0',
  id: 'discover-1',
  method: 'server/discover',
  params: { _meta: modernMeta },
}
const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 'ExampleClient', version: '1.0.0' },
  },
}

describe('META_KEYS', () => {
  it('names the reserved io.modelcontextprotocol keys of the spec', () => {
    expect(META_KEYS).toEqual({
      protocolVersion: 'io.modelcontextprotocol/protocolVersion',
      clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
      clientInfo: 'io.modelcontextprotocol/clientInfo',
      logLevel: 'io.modelcontextprotocol/logLevel',
      serverInfo: 'io.modelcontextprotocol/serverInfo',
      subscriptionId: 'io.modelcontextprotocol/subscriptionId',
    })
  })

  it('matches the keys of the official 2026-07-28 call example', () => {
    const call = example('CallToolRequest/call-tool-request.json') as {
      params: { _meta: Record<string, unknown> }
    }
    expect(Object.keys(call.params._meta)).toEqual(
      expect.arrayContaining([META_KEYS.protocolVersion, META_KEYS.clientCapabilities]),
    )
  })
})

describe('negotiateLegacyVersion', () => {
  it('echoes a requested version the server supports', () => {
    for (const version of ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25']) {
      expect(negotiateLegacyVersion(version)).toEqual({ ok: true, version })
    }
  })

  it('answers with the newest supported legacy version otherwise', () => {
    expect(negotiateLegacyVersion('2099-01-01')).toEqual({ ok: true, version: '2025-11-25' })
    expect(negotiateLegacyVersion('2025-06-18', ['2025-03-26', '2024-11-05'])).toEqual({
      ok: true,
      version: '2025-03-26',
    })
    expect(negotiateLegacyVersion(42)).toEqual({ ok: true, version: '2025-11-25' })
  })

  it('never answers initialize with a modern version', () => {
    expect(negotiateLegacyVersion('2026-07-28')).toEqual({ ok: true, version: '2025-11-25' })
    expect(negotiateLegacyVersion('2026-07-28', ['2026-07-28', '2025-06-18'])).toEqual({
      ok: true,
      version: '2025-06-18',
    })
  })

  it('gives a modern-only server an error that names its versions', () => {
    const answer = negotiateLegacyVersion('2025-11-25', ['2026-07-28'])
    expect(answer).toMatchObject({
      ok: false,
      httpStatus: 404,
      error: { code: -32601, data: { supported: ['2026-07-28'] } },
    })
    expect(answer.ok || answer.error.message).toContain('2026-07-28')
  })
})

describe('detectRequestEra', () => {
  it('takes a request with the modern _meta as modern', () => {
    expect(detectRequestEra(discover)).toEqual({ era: 'modern', by: 'meta' })
    expect(detectRequestEra(example('CallToolRequest/call-tool-request.json'))).toEqual({
      era: 'modern',
      by: 'meta',
    })
  })

  it('takes initialize as legacy', () => {
    expect(detectRequestEra(initialize)).toEqual({ era: 'legacy', by: 'initialize' })
  })

  it('takes any message of a legacy session as legacy', () => {
    const list = { jsonrpc: '2.0', id: 2, method: 'tools/list' }
    expect(detectRequestEra(list, { legacySession: true })).toEqual({
      era: 'legacy',
      by: 'session',
    })
    expect(
      detectRequestEra({ jsonrpc: '2.0', id: 9, result: {} }, { legacySession: true }),
    ).toEqual({ era: 'legacy', by: 'session' })
  })

  it('lets the modern _meta win over a session, since modern requests ignore connection state', () => {
    expect(detectRequestEra(discover, { legacySession: true })).toEqual({
      era: 'modern',
      by: 'meta',
    })
  })

  it('finds no era in a request without either marker', () => {
    expect(detectRequestEra({ jsonrpc: '2.0', id: 3, method: 'tools/list' })).toEqual({
      era: undefined,
    })
    expect(
      detectRequestEra({ jsonrpc: '2.0', id: 3, method: 'tools/list', params: { _meta: {} } }),
    ).toEqual({ era: undefined })
  })

  it('never throws on garbage', () => {
    for (const value of [null, undefined, 3, 'initialize', [], [initialize], { params: 'x' }]) {
      expect(detectRequestEra(value)).toEqual({ era: undefined })
    }
  })
})

describe('checkModernRequest', () => {
  it('accepts a supported modern version and returns the per-request fields', () => {
    expect(checkModernRequest(discover)).toEqual({
      ok: true,
      protocolVersion: '2026-07-28',
      clientCapabilities: {},
      clientInfo: { name: 'ExampleClient', version: '1.0.0' },
    })
  })

  it('answers an unknown version with -32022 listing the supported versions, as in the spec', () => {
    const request = {
      ...discover,
      params: { _meta: { ...modernMeta, [META_KEYS.protocolVersion]: '1900-01-01' } },
    }
    const check = checkModernRequest(request, ['2026-07-28', '2025-11-25'])
    const official = example('UnsupportedProtocolVersionError/unsupported-version.json') as {
      error: { code: number; data: unknown }
    }
    expect(check).toMatchObject({
      ok: false,
      httpStatus: 400,
      error: { code: official.error.code, data: official.error.data },
    })
  })

  it('answers a legacy version in _meta with -32022, since legacy versions need initialize', () => {
    const request = {
      ...discover,
      params: { _meta: { ...modernMeta, [META_KEYS.protocolVersion]: '2025-11-25' } },
    }
    const check = checkModernRequest(request, ['2026-07-28', '2025-11-25'])
    expect(check).toMatchObject({
      ok: false,
      error: { code: -32022, data: { requested: '2025-11-25' } },
    })
    expect(check.ok || check.error.message).toContain('initialize')
  })

  it('answers a version the server chose not to serve with -32022', () => {
    expect(checkModernRequest(discover, ['2025-11-25'])).toMatchObject({
      ok: false,
      error: { code: -32022, data: { supported: ['2025-11-25'], requested: '2026-07-28' } },
    })
  })

  it('answers missing required fields with -32602 and HTTP 400, naming the field', () => {
    const cases = [
      { ...discover, params: {} },
      { ...discover, params: { _meta: { [META_KEYS.clientCapabilities]: {} } } },
      { ...discover, params: { _meta: { [META_KEYS.protocolVersion]: 20260728 } } },
      { ...discover, params: { _meta: { [META_KEYS.protocolVersion]: '2026-07-28' } } },
      {
        ...discover,
        params: {
          _meta: { [META_KEYS.protocolVersion]: '2026-07-28', [META_KEYS.clientCapabilities]: [] },
        },
      },
    ]
    const messages = cases.map((request) => {
      const check = checkModernRequest(request)
      expect(check).toMatchObject({ ok: false, httpStatus: 400, error: { code: -32602 } })
      return check.ok ? '' : check.error.message
    })
    expect(messages[0]).toContain('_meta')
    expect(messages[1]).toContain(META_KEYS.protocolVersion)
    expect(messages[3]).toContain(META_KEYS.clientCapabilities)
  })

  it('checks the version before the capabilities', () => {
    const request = {
      ...discover,
      params: { _meta: { [META_KEYS.protocolVersion]: '2099-01-01' } },
    }
    expect(checkModernRequest(request)).toMatchObject({ error: { code: -32022 } })
  })
})

describe('unsupportedProtocolVersionError', () => {
  it('copies the supported list so later changes do not leak into a sent error', () => {
    const supported: ('2026-07-28' | '2025-11-25')[] = ['2026-07-28']
    const error = unsupportedProtocolVersionError('x', supported)
    supported.push('2025-11-25')
    expect(error.data).toEqual({ supported: ['2026-07-28'], requested: 'x' })
  })
})

describe('classifyModernProbe over HTTP', () => {
  const unsupported = example('UnsupportedProtocolVersionError/unsupported-version.json')

  it('stays modern when the request succeeds', () => {
    const body = { jsonrpc: '2.0', id: 1, result: { resultType: 'complete' } }
    expect(classifyModernProbe({ status: 200, body })).toEqual({
      action: 'continue',
      era: 'modern',
    })
    expect(classifyModernProbe({ status: 200 })).toEqual({ action: 'continue', era: 'modern' })
  })

  it('retries with the newest shared modern version after -32022, never falling back', () => {
    expect(classifyModernProbe({ status: 400, body: unsupported })).toEqual({
      action: 'retry',
      era: 'modern',
      version: '2026-07-28',
      supported: ['2026-07-28', '2025-11-25'],
    })
  })

  it('falls back with a shared legacy version when no modern one is shared', () => {
    expect(
      classifyModernProbe(
        { status: 400, body: unsupported },
        { supported: ['2025-06-18', '2025-11-25'] },
      ),
    ).toMatchObject({ action: 'fall-back', era: 'legacy', version: '2025-11-25' })
  })

  it('fails when -32022 lists no version this client speaks', () => {
    const body = {
      jsonrpc: '2.0',
      id: 1,
      error: {
        code: -32022,
        message: 'Unsupported',
        data: { supported: ['2030-01-01'], requested: 'x' },
      },
    }
    const verdict = classifyModernProbe({ status: 400, body })
    expect(verdict).toMatchObject({ action: 'fail', era: 'modern', error: { code: -32022 } })
    expect(verdict.action === 'fail' && verdict.reason).toContain('2030-01-01')
  })

  it('reports header and capability errors as real errors of a modern server', () => {
    for (const file of [
      'HeaderMismatchError/header-mismatch.json',
      'MissingRequiredClientCapabilityError/missing-elicitation-capability.json',
    ]) {
      const body = example(file) as { error: unknown }
      expect(classifyModernProbe({ status: 400, body })).toMatchObject({
        action: 'fail',
        era: 'modern',
        error: body.error,
      })
    }
  })

  it('takes 404 with -32601 as a modern server without that method', () => {
    const body = { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found' } }
    expect(classifyModernProbe({ status: 404, body })).toMatchObject({
      action: 'fail',
      era: 'modern',
    })
  })

  it('falls back to initialize on a 4xx without a modern error body', () => {
    const legacySession = {
      jsonrpc: '2.0',
      id: null,
      error: { code: -32000, message: 'Bad Request: No valid session ID provided' },
    }
    const cases = [
      { status: 400 },
      { status: 400, body: legacySession },
      { status: 400, body: { jsonrpc: '2.0', id: 1, error: { code: -32602, message: 'Bad' } } },
      { status: 404 },
      { status: 404, body: 'Not Found' },
      { status: 405 },
      { status: 406, body: {} },
    ]
    for (const response of cases) {
      expect(classifyModernProbe(response)).toMatchObject({ action: 'fall-back', era: 'legacy' })
    }
    expect(classifyModernProbe({ status: 400 })).not.toHaveProperty('version')
  })

  it('falls back when a legacy server answers 200 with a JSON-RPC error', () => {
    const body = { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found' } }
    expect(classifyModernProbe({ status: 200, body })).toMatchObject({ action: 'fall-back' })
  })

  it('does not decide the era from authorization, rate limits or server errors', () => {
    for (const status of [401, 403, 429, 500, 502, 503, 302]) {
      expect(classifyModernProbe({ status })).toMatchObject({ action: 'fail', era: undefined })
    }
    const body = { jsonrpc: '2.0', id: 1, error: { code: -32603, message: 'Internal error' } }
    expect(classifyModernProbe({ status: 500, body })).toMatchObject({
      action: 'fail',
      error: body.error,
    })
  })

  it('never throws on odd bodies', () => {
    const bodies = [null, 'x', 42, [], { error: null }, { error: { code: 'x', message: 1 } }]
    for (const body of bodies) {
      expect(() => classifyModernProbe({ status: 400, body })).not.toThrow()
      expect(classifyModernProbe({ status: 400, body }).action).toBe('fall-back')
    }
  })
})

describe('classifyModernProbe without HTTP (stdio)', () => {
  it('stays modern on a DiscoverResult', () => {
    const body = {
      jsonrpc: '2.0',
      id: 1,
      result: { resultType: 'complete', supportedVersions: [] },
    }
    expect(classifyModernProbe({ body })).toEqual({ action: 'continue', era: 'modern' })
  })

  it('falls back on any error that is not a modern one, whatever its code', () => {
    for (const code of [-32601, -32602, -32600, -32000, 1]) {
      const body = { jsonrpc: '2.0', id: 1, error: { code, message: 'nope' } }
      expect(classifyModernProbe({ body })).toMatchObject({ action: 'fall-back', era: 'legacy' })
    }
  })

  it('retries after -32022', () => {
    const body = example('UnsupportedProtocolVersionError/unsupported-version.json')
    expect(classifyModernProbe({ body })).toMatchObject({ action: 'retry', version: '2026-07-28' })
  })

  it('fails on something that is not a JSON-RPC response', () => {
    expect(classifyModernProbe({ body: { hello: 1 } })).toMatchObject({ action: 'fail' })
  })
})

describe('shouldTryHttpSse', () => {
  it('tries HTTP+SSE after 400, 404 or 405 without a modern error', () => {
    expect(shouldTryHttpSse({ status: 400 })).toBe(true)
    expect(shouldTryHttpSse({ status: 404, body: 'Cannot POST /sse' })).toBe(true)
    expect(shouldTryHttpSse({ status: 405 })).toBe(true)
  })

  it('does not after other statuses or a modern error', () => {
    expect(shouldTryHttpSse({ status: 500 })).toBe(false)
    expect(shouldTryHttpSse({ status: 401 })).toBe(false)
    const notFound = { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found' } }
    expect(shouldTryHttpSse({ status: 404, body: notFound })).toBe(false)
  })
})
