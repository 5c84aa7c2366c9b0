import { describe, expect, it } from 'vitest'
import { exampleOf } from './__fixtures__/official.js'
import { requestMeta } from './request-meta.js'

const meta = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: {} } },
}

describe('requestMeta', () => {
  it('reads the envelope of the official tools/call example', () => {
    const { params } = exampleOf('CallToolRequest')
    const read = requestMeta(params)
    expect(read).toEqual({
      ok: true,
      value: {
        protocolVersion: '2026-07-28',
        clientCapabilities: {},
        clientInfo: { name: 'ExampleClient', version: '1.0.0' },
        logLevel: undefined,
        progressToken: undefined,
        meta: (params as { _meta: unknown })._meta,
      },
    })
  })

  it('types the log level, the progress token and the capabilities', () => {
    const read = requestMeta({
      _meta: { ...meta, 'io.modelcontextprotocol/logLevel': 'debug', progressToken: 7 },
    })
    expect(read.ok && read.value.logLevel).toBe('debug')
    expect(read.ok && read.value.progressToken).toBe(7)
    expect(read.ok && read.value.clientCapabilities.elicitation).toEqual({ form: {} })
  })

  it('keeps _meta keys it does not name, such as traceparent', () => {
    const traced = {
      ...meta,
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01',
    }
    const read = requestMeta({ _meta: traced })
    expect(read.ok && read.value.meta).toEqual(traced)
  })

  it('answers a request without _meta with -32602 and HTTP 400', () => {
    const read = requestMeta({ name: 'echo' })
    expect(read).toMatchObject({ ok: false, httpStatus: 400, error: { code: -32602 } })
    expect(!read.ok && read.error.message).toContain('params._meta is missing')
  })

  it.each([
    'io.modelcontextprotocol/protocolVersion',
    'io.modelcontextprotocol/clientCapabilities',
  ])('names %s when it is missing', (key) => {
    const read = requestMeta({ _meta: { ...meta, [key]: undefined } })
    expect(read.ok).toBe(false)
    expect(!read.ok && read.error.message).toContain(key)
  })

  it('rejects a log level the spec does not define', () => {
    const read = requestMeta({ _meta: { ...meta, 'io.modelcontextprotocol/logLevel': 'verbose' } })
    expect(read).toMatchObject({ ok: false, error: { code: -32602 } })
  })

  it.each([undefined, null, 'params', 42, [], { _meta: [] }, { _meta: 'x' }])(
    'never throws on %j',
    (params) => {
      expect(requestMeta(params)).toMatchObject({ ok: false, httpStatus: 400 })
    },
  )
})
