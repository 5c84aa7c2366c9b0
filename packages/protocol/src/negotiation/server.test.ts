import { describe, expect, it } from 'vitest'
import { discover, example, initialize, modernMeta } from './__fixtures__/examples.js'
import { META_KEYS } from './meta-keys.js'
import {
  checkModernRequest,
  detectRequestEra,
  negotiateLegacyVersion,
  unsupportedProtocolVersionError,
} from './server.js'

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
