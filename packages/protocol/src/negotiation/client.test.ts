import { describe, expect, it } from 'vitest'
import { example } from './__fixtures__/examples.js'
import { classifyModernProbe, shouldTryHttpSse } from './client.js'

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
