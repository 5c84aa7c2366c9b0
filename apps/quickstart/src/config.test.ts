import { describe, expect, it } from 'vitest'
import { DEMO_API_KEY, readConfig } from './config.js'

describe('readConfig', () => {
  it('uses the demo key and its own server when nothing is set', () => {
    expect(readConfig({})).toEqual({ apiKey: DEMO_API_KEY, serverUrl: undefined, port: 3000 })
    expect(readConfig({ MCP_API_KEY: '  ', MCP_SERVER_URL: '' }).apiKey).toBe(DEMO_API_KEY)
  })

  it('reads MCP_API_KEY, MCP_SERVER_URL and PORT', () => {
    expect(
      readConfig({ MCP_API_KEY: 'k', MCP_SERVER_URL: 'http://127.0.0.1:9/mcp', PORT: '0' }),
    ).toEqual({ apiKey: 'k', serverUrl: 'http://127.0.0.1:9/mcp', port: 0 })
  })

  it('names the variable that is wrong', () => {
    expect(() => readConfig({ MCP_SERVER_URL: 'not a url' })).toThrow(/MCP_SERVER_URL/)
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/)
  })
})
