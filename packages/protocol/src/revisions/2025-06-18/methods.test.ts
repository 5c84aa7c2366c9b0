import { describe, expect, it } from 'vitest'
import { methods } from './methods.js'

describe('the 2025-06-18 method table', () => {
  it('has elicitation but no tasks', () => {
    expect(Object.keys(methods.serverRequests)).toContain('elicitation/create')
    expect(Object.keys(methods.clientRequests)).not.toContain('tasks/get')
    expect(Object.keys(methods.serverNotifications)).not.toContain(
      'notifications/elicitation/complete',
    )
  })

  it('validates params without the task and tool fields 2025-11-25 added', () => {
    const call = methods.clientRequests['tools/call']
    expect(call.params.safeParse({ name: 'echo', arguments: { text: 'hi' } }).success).toBe(true)
    expect(call.params.safeParse({ arguments: {} }).success).toBe(false)
    // `task` is not a 2025-06-18 field, so any value passes through untouched.
    expect(call.params.parse({ name: 'echo', task: 'later' })).toEqual({
      name: 'echo',
      task: 'later',
    })
  })

  it('accepts absent params exactly where the spec lets them be left out', () => {
    expect(methods.clientRequests.ping.params.safeParse(undefined).success).toBe(true)
    expect(methods.clientRequests['tools/list'].params.safeParse(undefined).success).toBe(true)
    expect(methods.clientRequests['tools/call'].params.safeParse(undefined).success).toBe(false)
    expect(methods.serverNotifications['notifications/message'].safeParse(undefined).success).toBe(
      false,
    )
  })

  it('checks results with the 2025-06-18 shapes', () => {
    const tools = methods.clientRequests['tools/list'].result
    expect(
      tools.safeParse({ tools: [{ name: 'a', inputSchema: { type: 'object' } }] }).success,
    ).toBe(true)
    const elicit = methods.serverRequests['elicitation/create'].result
    expect(elicit.safeParse({ action: 'accept', content: { tags: ['a', 'b'] } }).success).toBe(
      false,
    )
  })
})
