import { describe, expect, it } from 'vitest'
import { revision, type MethodTable } from '../revision.js'
import { unionMethods } from '../2025-06-18/__fixtures__/legacy-spec.js'
import * as v2025_03_26 from './index.js'
import { methods, revision2025_03_26 } from './methods.js'

describe('the 2025-03-26 method table', () => {
  it.each([
    ['clientRequests', 'ClientRequest'],
    ['serverRequests', 'ServerRequest'],
    ['clientNotifications', 'ClientNotification'],
    ['serverNotifications', 'ServerNotification'],
  ] as const)('%s lists exactly the methods of %s in schema.json', (table, union) => {
    expect(Object.keys(methods[table]).sort()).toEqual(unionMethods('2025-03-26', union).sort())
  })

  it('takes params from the request and notification definitions of 2025-03-26', () => {
    const table: MethodTable = methods
    const requests = [
      [table.clientRequests, v2025_03_26.ClientRequestSchema],
      [table.serverRequests, v2025_03_26.ServerRequestSchema],
    ] as const
    for (const [entries, union] of requests) {
      for (const option of union.options) {
        expect(entries[option.shape.method.value]?.params).toBe(option.shape.params)
      }
    }
    const notifications = [
      [table.clientNotifications, v2025_03_26.ClientNotificationSchema],
      [table.serverNotifications, v2025_03_26.ServerNotificationSchema],
    ] as const
    for (const [entries, union] of notifications) {
      for (const option of union.options) {
        expect(entries[option.shape.method.value]).toBe(option.shape.params)
      }
    }
  })

  it('checks results with the 2025-03-26 shapes', () => {
    const link = { type: 'resource_link', name: 'readme', uri: 'file:///readme.md' }
    const call = methods.clientRequests['tools/call']
    expect(call.result.safeParse({ content: [link] }).success).toBe(false)
    expect(call.result.safeParse({ content: [{ type: 'text', text: 'ok' }] }).success).toBe(true)
    const sampling = methods.serverRequests['sampling/createMessage']
    const message = {
      role: 'user',
      content: { type: 'audio', data: 'aGk=', mimeType: 'audio/wav' },
    }
    expect(sampling.params.safeParse({ messages: [message], maxTokens: 10 }).success).toBe(true)
  })

  it('validates completion params without context', () => {
    const params = methods.clientRequests['completion/complete'].params
    const valid = { ref: { type: 'ref/prompt', name: 'p' }, argument: { name: 'a', value: '' } }
    expect(params.safeParse(valid).success).toBe(true)
    // `context` is a 2025-06-18 field: any value passes through.
    expect(params.safeParse({ ...valid, context: 'none' }).success).toBe(true)
  })

  it('is what revision() returns for 2025-03-26: legacy era, the one with batches', () => {
    expect(revision('2025-03-26')).toBe(revision2025_03_26)
    expect(revision2025_03_26).toMatchObject({
      version: '2025-03-26',
      era: 'legacy',
      batches: true,
    })
    expect(revision2025_03_26.methods).toBe(methods)
  })
})
