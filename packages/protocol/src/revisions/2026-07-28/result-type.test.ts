import { describe, expect, it } from 'vitest'
import { exampleOf } from './__fixtures__/official.js'
import { isInputRequiredResult, resultTypeOf } from './result-type.js'

describe('resultTypeOf', () => {
  it('reads an absent resultType as complete, as results of earlier revisions have none', () => {
    expect(resultTypeOf({ content: [] })).toBe('complete')
  })

  it('returns the resultType a result states, known or not', () => {
    expect(resultTypeOf(exampleOf('InputRequiredResult'))).toBe('input_required')
    expect(resultTypeOf({ resultType: 'task' })).toBe('task')
  })

  it.each([null, [], 'complete', { resultType: 1 }])('has no answer for %j', (value) => {
    expect(resultTypeOf(value)).toBeUndefined()
  })
})

describe('isInputRequiredResult', () => {
  it('tells an interim result from a final one', () => {
    expect(isInputRequiredResult(exampleOf('InputRequiredResult'))).toBe(true)
    expect(isInputRequiredResult(exampleOf('CallToolResult'))).toBe(false)
  })
})
