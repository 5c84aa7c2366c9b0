import { describe, expect, it } from 'vitest'
import { LATEST_PROTOCOL_VERSION, PROTOCOL_VERSIONS } from './versions.js'

describe('versions', () => {
  it('lists revisions oldest first and ends with the latest', () => {
    expect([...PROTOCOL_VERSIONS].sort()).toEqual([...PROTOCOL_VERSIONS])
    expect(PROTOCOL_VERSIONS.at(-1)).toBe(LATEST_PROTOCOL_VERSION)
  })
})
