import { describe, expect, it } from 'vitest'
import { revision, type MethodTable } from '../revision.js'
import { unionMethods } from './__fixtures__/legacy-spec.js'
import * as v2025_06_18 from './index.js'
import { methods, revision2025_06_18 } from './methods.js'

describe('the 2025-06-18 method table', () => {
  it.each([
    ['clientRequests', 'ClientRequest'],
    ['serverRequests', 'ServerRequest'],
    ['clientNotifications', 'ClientNotification'],
    ['serverNotifications', 'ServerNotification'],
  ] as const)('%s lists exactly the methods of %s in schema.json', (table, union) => {
    expect(Object.keys(methods[table]).sort()).toEqual(unionMethods('2025-06-18', union).sort())
  })

  it('takes params from the request and notification definitions of 2025-06-18', () => {
    const table: MethodTable = methods
    const requests = [
      [table.clientRequests, v2025_06_18.ClientRequestSchema],
      [table.serverRequests, v2025_06_18.ServerRequestSchema],
    ] as const
    for (const [entries, union] of requests) {
      for (const option of union.options) {
        expect(entries[option.shape.method.value]?.params).toBe(option.shape.params)
      }
    }
    const notifications = [
      [table.clientNotifications, v2025_06_18.ClientNotificationSchema],
      [table.serverNotifications, v2025_06_18.ServerNotificationSchema],
    ] as const
    for (const [entries, union] of notifications) {
      for (const option of union.options) {
        expect(entries[option.shape.method.value]).toBe(option.shape.params)
      }
    }
  })

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

  it('is what revision() returns for 2025-06-18: legacy era, no batches', () => {
    expect(revision('2025-06-18')).toBe(revision2025_06_18)
    expect(revision2025_06_18).toMatchObject({
      version: '2025-06-18',
      era: 'legacy',
      batches: false,
    })
    expect(revision2025_06_18.methods).toBe(methods)
  })
})
