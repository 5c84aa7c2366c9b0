import { describe, expect, it } from 'vitest'
import { example } from './__fixtures__/examples.js'
import { META_KEYS } from './meta-keys.js'

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
