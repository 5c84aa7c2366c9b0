import { LocalError } from '@mcp-sse/protocol'
import { describe, expect, it } from 'vitest'
import { initializeResultFrom, parseDiscoverResult } from './discover.js'

const url = 'http://127.0.0.1:3000/mcp'
const discover = {
  resultType: 'complete',
  supportedVersions: ['2026-07-28', '2025-11-25'],
  capabilities: { tools: { listChanged: true } },
  instructions: 'Be brief.',
  _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'weather', version: '1.2.0' } },
  ttlMs: 0,
  cacheScope: 'public',
}

describe('discover', () => {
  it('describes the server the way initialize did', () => {
    expect(initializeResultFrom(parseDiscoverResult(discover, url), '2026-07-28', url)).toEqual({
      protocolVersion: '2026-07-28',
      capabilities: { tools: { listChanged: true } },
      serverInfo: { name: 'weather', version: '1.2.0' },
      instructions: 'Be brief.',
    })
  })

  it('names the host when the server does not say who it is', () => {
    const { _meta: _ignored, instructions: _none, ...anonymous } = discover
    expect(initializeResultFrom(parseDiscoverResult(anonymous, url), '2026-07-28', url)).toEqual({
      protocolVersion: '2026-07-28',
      capabilities: { tools: { listChanged: true } },
      serverInfo: { name: '127.0.0.1:3000', version: 'unknown' },
    })
  })

  it('rejects a result that is not a discover result, naming the server', () => {
    const error = (() => {
      try {
        return parseDiscoverResult({ resultType: 'complete', capabilities: {} }, url)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(LocalError)
    expect((error as LocalError).message).toBe(
      `server/discover on ${url} answered with an invalid result`,
    )
  })
})
