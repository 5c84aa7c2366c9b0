import { META_KEYS, v2026_07_28 } from '@mcp-sse/protocol'
import { describe, expect, it } from 'vitest'
import {
  modernClientCapabilities,
  modernMeta,
  withModernMeta,
  type ModernIdentity,
} from './meta.js'

const identity: ModernIdentity = {
  protocolVersion: '2026-07-28',
  capabilities: { elicitation: { form: {} } },
  clientInfo: { name: 'test', version: '1.0.0' },
}

describe('modernClientCapabilities', () => {
  it('drops what 2026-07-28 removed and keeps everything else', () => {
    const modern = modernClientCapabilities({
      roots: { listChanged: true },
      sampling: { tools: {} },
      elicitation: { form: {}, url: {} },
      experimental: { 'x/y': {} },
      tasks: { list: {} },
    })
    expect(modern).toEqual({
      roots: {},
      sampling: { tools: {} },
      elicitation: { form: {}, url: {} },
      experimental: { 'x/y': {} },
    })
    expect(v2026_07_28.ClientCapabilitiesSchema.safeParse(modern).success).toBe(true)
    expect(modernClientCapabilities({})).toEqual({})
  })
})

describe('withModernMeta', () => {
  it('adds the version, capabilities and client info to every request, and a log level only when asked', () => {
    const params = withModernMeta({ name: 'echo' }, identity)
    expect(params).toEqual({
      name: 'echo',
      _meta: {
        [META_KEYS.protocolVersion]: '2026-07-28',
        [META_KEYS.clientCapabilities]: { elicitation: { form: {} } },
        [META_KEYS.clientInfo]: { name: 'test', version: '1.0.0' },
      },
    })
    expect(v2026_07_28.RequestParamsSchema.safeParse(params).success).toBe(true)
    expect(withModernMeta(undefined, { ...identity, logLevel: 'debug' })._meta).toMatchObject({
      [META_KEYS.logLevel]: 'debug',
    })
    expect(modernMeta(identity)).not.toHaveProperty([META_KEYS.logLevel])
  })

  it('keeps what the caller put in _meta, but not a reserved key of its own', () => {
    const params = withModernMeta(
      { _meta: { progressToken: 7, traceparent: 't', [META_KEYS.protocolVersion]: '1999-01-01' } },
      identity,
    )
    expect(params._meta).toMatchObject({
      progressToken: 7,
      traceparent: 't',
      [META_KEYS.protocolVersion]: '2026-07-28',
    })
  })
})
