import { PROTOCOL_VERSIONS, v2026_07_28 } from '@mcp-sse/protocol'
import { describe, expect, it } from 'vitest'
import { discoverResult, missingServerCapability } from './discover.js'

describe('discoverResult', () => {
  it('is a valid DiscoverResult naming versions, capabilities, server and cache hint', () => {
    const result = discoverResult({
      serverInfo: { name: 'weather', version: '1.2.0' },
      instructions: 'Ask for a city.',
      capabilities: {
        tools: { listChanged: true },
        logging: {},
        tasks: { list: {} },
      },
      supportedVersions: PROTOCOL_VERSIONS,
      cache: { ttlMs: 3_600_000, cacheScope: 'public' },
    })
    expect(v2026_07_28.DiscoverResultSchema.parse(result)).toBeDefined()
    expect(result).toEqual({
      resultType: 'complete',
      supportedVersions: ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'],
      capabilities: { tools: { listChanged: true }, logging: {} },
      instructions: 'Ask for a city.',
      ttlMs: 3_600_000,
      cacheScope: 'public',
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'weather', version: '1.2.0' } },
    })
  })
})

describe('missingServerCapability', () => {
  it('names the capability a method needs when the server lacks it', () => {
    expect(missingServerCapability('tools/list', { prompts: {} })).toBe('tools')
    expect(missingServerCapability('completion/complete', { prompts: {} })).toBe('completions')
    expect(missingServerCapability('tools/call', { tools: {} })).toBeUndefined()
    expect(missingServerCapability('server/discover', {})).toBeUndefined()
    expect(missingServerCapability('subscriptions/listen', {})).toBeUndefined()
  })
})
