import { describe, expect, it } from 'vitest'
import { revision, type MethodTable } from '../revision.js'
import { unionMethods } from '../2025-06-18/__fixtures__/legacy-spec.js'
import * as v2024_11_05 from './index.js'
import { methods, revision2024_11_05 } from './methods.js'

describe('the 2024-11-05 method table', () => {
  it.each([
    ['clientRequests', 'ClientRequest'],
    ['serverRequests', 'ServerRequest'],
    ['clientNotifications', 'ClientNotification'],
    ['serverNotifications', 'ServerNotification'],
  ] as const)('%s lists exactly the methods of %s in schema.json', (table, union) => {
    expect(Object.keys(methods[table]).sort()).toEqual(unionMethods('2024-11-05', union).sort())
  })

  it('takes params from the request and notification definitions of 2024-11-05', () => {
    const table: MethodTable = methods
    const requests = [
      [table.clientRequests, v2024_11_05.ClientRequestSchema],
      [table.serverRequests, v2024_11_05.ServerRequestSchema],
    ] as const
    for (const [entries, union] of requests) {
      for (const option of union.options) {
        expect(entries[option.shape.method.value]?.params).toBe(option.shape.params)
      }
    }
    const notifications = [
      [table.clientNotifications, v2024_11_05.ClientNotificationSchema],
      [table.serverNotifications, v2024_11_05.ServerNotificationSchema],
    ] as const
    for (const [entries, union] of notifications) {
      for (const option of union.options) {
        expect(entries[option.shape.method.value]).toBe(option.shape.params)
      }
    }
  })

  it('checks results and params with the 2024-11-05 shapes', () => {
    const audio = { type: 'audio', data: 'aGk=', mimeType: 'audio/wav' }
    expect(
      methods.clientRequests['tools/call'].result.safeParse({ content: [audio] }).success,
    ).toBe(false)
    const sampling = methods.serverRequests['sampling/createMessage']
    const messages = [{ role: 'user', content: audio }]
    expect(sampling.params.safeParse({ messages, maxTokens: 5 }).success).toBe(false)
    const text = { role: 'user', content: { type: 'text', text: 'hi' } }
    expect(sampling.params.safeParse({ messages: [text], maxTokens: 5 }).success).toBe(true)
  })

  it('validates progress params without a message, in both directions', () => {
    for (const table of [methods.clientNotifications, methods.serverNotifications]) {
      const params = table['notifications/progress']
      expect(params.safeParse({ progressToken: 1, progress: 1, message: 7 }).success).toBe(true)
      expect(params.safeParse({ progressToken: 1 }).success).toBe(false)
    }
  })

  it('is what revision() returns for 2024-11-05: legacy era, no batches', () => {
    expect(revision('2024-11-05')).toBe(revision2024_11_05)
    expect(revision2024_11_05).toMatchObject({
      version: '2024-11-05',
      era: 'legacy',
      batches: false,
    })
    expect(revision2024_11_05.methods).toBe(methods)
  })
})
