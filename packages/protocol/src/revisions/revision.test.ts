import { describe, expect, it } from 'vitest'
import type { ProtocolVersion } from '../versions.js'
import { revision } from './revision.js'

describe('revision()', () => {
  it('returns the 2025-11-25 revision with its method table', () => {
    const trunk = revision('2025-11-25')
    expect(trunk.version).toBe('2025-11-25')
    expect(trunk.era).toBe('legacy')
    expect(Object.keys(trunk.methods.clientRequests)).toContain('tools/call')
    expect(trunk.methods.clientRequests['tools/call'].params.safeParse({ name: 'x' }).success).toBe(
      true,
    )
  })

  it('names the version it does not know, and the ones it does', () => {
    expect(() => revision('1999-01-01' as ProtocolVersion)).toThrow(
      /Unknown MCP protocol revision: 1999-01-01 \(known: .*2025-11-25/,
    )
  })

  it('is not fooled by names every object has', () => {
    expect(() => revision('toString' as ProtocolVersion)).toThrow(RangeError)
    expect(() => revision('__proto__' as ProtocolVersion)).toThrow(RangeError)
  })
})
