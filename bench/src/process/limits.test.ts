import { describe, expect, it } from 'vitest'
import { fileLimitProblem, limitFromProcLimits, requiredFileDescriptors } from './limits.js'

describe('fileLimitProblem', () => {
  it('accepts a limit with room for every session and the headroom', () => {
    expect(fileLimitProblem(20_000, 10_000)).toBeUndefined()
    expect(fileLimitProblem(requiredFileDescriptors(10_000), 10_000)).toBeUndefined()
  })

  it('explains a limit that is too low and suggests both ways out', () => {
    const message = fileLimitProblem(4096, 10_000)
    expect(message).toContain('open-file limit is 4096')
    expect(message).toContain(`ulimit -n ${requiredFileDescriptors(10_000)}`)
    expect(message).toContain('--sessions 3584')
  })

  it('does not block when the limit is unknown or unlimited', () => {
    expect(fileLimitProblem(undefined, 10_000)).toBeUndefined()
  })
})

describe('limitFromProcLimits', () => {
  const table = (soft: string): string =>
    [
      'Limit                     Soft Limit           Hard Limit           Units     ',
      'Max processes             63711                63711                processes ',
      `Max open files            ${soft.padEnd(21)}1048576              files     `,
    ].join('\n')

  it('reads the soft limit of open files', () => {
    expect(limitFromProcLimits(table('20000'))).toBe(20_000)
  })

  it('treats unlimited and a missing line as no limit', () => {
    expect(limitFromProcLimits(table('unlimited'))).toBeUndefined()
    expect(limitFromProcLimits('Limit  Soft Limit')).toBeUndefined()
  })
})
