import { describe, expect, it } from 'vitest'
import { unionMethods } from './__fixtures__/spec.js'
import { methods, trunk } from './methods.js'

describe('the 2025-11-25 method table', () => {
  it.each([
    ['clientRequests', 'ClientRequest'],
    ['serverRequests', 'ServerRequest'],
    ['clientNotifications', 'ClientNotification'],
    ['serverNotifications', 'ServerNotification'],
  ] as const)('%s lists exactly the methods of %s in schema.json', (table, union) => {
    expect(Object.keys(methods[table]).sort()).toEqual(unionMethods(union).sort())
  })

  it('validates the params of a request, not its envelope', () => {
    const call = methods.clientRequests['tools/call']
    expect(call.params.safeParse({ name: 'echo', arguments: { text: 'hi' } }).success).toBe(true)
    expect(call.params.safeParse({ arguments: {} }).success).toBe(false)
  })

  it('accepts absent params exactly where the spec lets them be left out', () => {
    expect(methods.clientRequests.ping.params.safeParse(undefined).success).toBe(true)
    expect(methods.clientRequests['tools/list'].params.safeParse(undefined).success).toBe(true)
    expect(methods.clientRequests['tools/call'].params.safeParse(undefined).success).toBe(false)
    expect(
      methods.clientNotifications['notifications/initialized'].safeParse(undefined).success,
    ).toBe(true)
    expect(methods.serverNotifications['notifications/message'].safeParse(undefined).success).toBe(
      false,
    )
  })

  it('knows the result of each request', () => {
    const result = { content: [{ type: 'text', text: 'done' }] }
    expect(methods.clientRequests['tools/call'].result.safeParse(result).success).toBe(true)
    expect(methods.clientRequests['tools/call'].result.safeParse({}).success).toBe(false)
    expect(methods.serverRequests['roots/list'].result.safeParse({ roots: [] }).success).toBe(true)
  })

  it('gives task-capable requests the CreateTaskResult they answer with when run as a task', () => {
    const created = {
      task: {
        taskId: 't1',
        status: 'working',
        createdAt: '2025-11-25T10:30:00Z',
        lastUpdatedAt: '2025-11-25T10:30:00Z',
        ttl: 60000,
      },
    }
    expect(methods.clientRequests['tools/call'].taskResult.safeParse(created).success).toBe(true)
    expect(methods.serverRequests['elicitation/create'].taskResult.safeParse(created).success).toBe(
      true,
    )
    expect('taskResult' in methods.clientRequests['tools/list']).toBe(false)
  })

  it('describes a legacy revision without batches', () => {
    expect(trunk).toMatchObject({ version: '2025-11-25', era: 'legacy', batches: false })
    expect(trunk.methods).toBe(methods)
  })
})
