import { describe, expect, it } from 'vitest'
import {
  DEFAULT_NEGOTIATED_PROTOCOL_VERSION,
  LATEST_LEGACY_PROTOCOL_VERSION,
  LATEST_PROTOCOL_VERSION,
  LEGACY_PROTOCOL_VERSIONS,
  MODERN_PROTOCOL_VERSIONS,
  PROTOCOL_VERSIONS,
  eraOf,
  isSupportedVersion,
  newestVersion,
} from './versions.js'

describe('versions', () => {
  it('lists revisions oldest first and ends with the latest', () => {
    expect([...PROTOCOL_VERSIONS].sort()).toEqual([...PROTOCOL_VERSIONS])
    expect(PROTOCOL_VERSIONS.at(-1)).toBe(LATEST_PROTOCOL_VERSION)
  })

  it('splits every revision into exactly one era', () => {
    expect([...LEGACY_PROTOCOL_VERSIONS, ...MODERN_PROTOCOL_VERSIONS]).toEqual([
      ...PROTOCOL_VERSIONS,
    ])
    expect(LEGACY_PROTOCOL_VERSIONS).toEqual([
      '2024-11-05',
      '2025-03-26',
      '2025-06-18',
      '2025-11-25',
    ])
    expect(MODERN_PROTOCOL_VERSIONS).toEqual(['2026-07-28'])
    expect(LEGACY_PROTOCOL_VERSIONS.at(-1)).toBe(LATEST_LEGACY_PROTOCOL_VERSION)
  })

  it('assumes 2025-03-26 for a Streamable HTTP request without a version header', () => {
    expect(DEFAULT_NEGOTIATED_PROTOCOL_VERSION).toBe('2025-03-26')
    expect(eraOf(DEFAULT_NEGOTIATED_PROTOCOL_VERSION)).toBe('legacy')
  })
})

describe('eraOf', () => {
  it('puts the initialize-based revisions in the legacy era', () => {
    for (const version of LEGACY_PROTOCOL_VERSIONS) expect(eraOf(version)).toBe('legacy')
  })

  it('puts 2026-07-28 and every later date in the modern era', () => {
    expect(eraOf('2026-07-28')).toBe('modern')
    expect(eraOf('2027-03-01')).toBe('modern')
  })

  it('puts an unknown date up to 2025-11-25 in the legacy era', () => {
    expect(eraOf('2024-10-07')).toBe('legacy')
  })

  it('gives no era to strings that are not revisions', () => {
    expect(eraOf('2026-01-15')).toBeUndefined()
    expect(eraOf('latest')).toBeUndefined()
    expect(eraOf('2026-07-28 ')).toBeUndefined()
    expect(eraOf('')).toBeUndefined()
  })
})

describe('isSupportedVersion', () => {
  it('accepts every modelled revision by default', () => {
    for (const version of PROTOCOL_VERSIONS) expect(isSupportedVersion(version)).toBe(true)
  })

  it('rejects unknown versions and values that are not strings', () => {
    expect(isSupportedVersion('1900-01-01')).toBe(false)
    expect(isSupportedVersion(20260728)).toBe(false)
    expect(isSupportedVersion(undefined)).toBe(false)
  })

  it('checks against the list it is given', () => {
    expect(isSupportedVersion('2025-06-18', ['2026-07-28'])).toBe(false)
    expect(isSupportedVersion('2026-07-28', ['2026-07-28'])).toBe(true)
  })
})

describe('newestVersion', () => {
  it('picks the latest date whatever the order', () => {
    expect(newestVersion(['2025-06-18', '2026-07-28', '2024-11-05'])).toBe('2026-07-28')
    expect(newestVersion<string>([])).toBeUndefined()
  })
})
