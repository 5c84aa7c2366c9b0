import { describe, expect, it } from 'vitest'
import type { ZodType } from 'zod'
import type { ProtocolVersion } from '../versions.js'
import { unionMethods } from './__fixtures__/schema-json.js'
import * as v2024_11_05 from './2024-11-05/index.js'
import { revision2024_11_05 } from './2024-11-05/methods.js'
import * as v2025_03_26 from './2025-03-26/index.js'
import { revision2025_03_26 } from './2025-03-26/methods.js'
import * as v2025_06_18 from './2025-06-18/index.js'
import { revision2025_06_18 } from './2025-06-18/methods.js'
import * as v2025_11_25 from './2025-11-25/index.js'
import { trunk } from './2025-11-25/methods.js'
import * as v2026_07_28 from './2026-07-28/index.js'
import { revision2026_07_28 } from './2026-07-28/methods.js'
import { revision, type MethodTable, type Revision } from './revision.js'

interface MessageDefinition {
  shape: { method: { value: string }; params: ZodType }
}

/** The members of a union of messages, or the one message a definition such as 2026's `ClientNotification` is. */
function members(schema: unknown): MessageDefinition[] {
  if (schema === undefined) return []
  const union = schema as { options?: MessageDefinition[] }
  return union.options ?? [schema as MessageDefinition]
}

const revisions: [
  ProtocolVersion,
  Revision,
  Record<string, unknown>,
  'legacy' | 'modern',
  boolean,
][] = [
  ['2024-11-05', revision2024_11_05, v2024_11_05, 'legacy', false],
  ['2025-03-26', revision2025_03_26, v2025_03_26, 'legacy', true],
  ['2025-06-18', revision2025_06_18, v2025_06_18, 'legacy', false],
  ['2025-11-25', trunk, v2025_11_25, 'legacy', false],
  ['2026-07-28', revision2026_07_28, v2026_07_28, 'modern', false],
]

const directions = [
  ['clientRequests', 'ClientRequest'],
  ['serverRequests', 'ServerRequest'],
  ['clientNotifications', 'ClientNotification'],
  ['serverNotifications', 'ServerNotification'],
] as const

describe.each(revisions)('the %s method table', (version, described, namespace, era, batches) => {
  const table: MethodTable = described.methods

  it.each(directions)('%s lists exactly the methods of %s in schema.json', (direction, union) => {
    expect(Object.keys(table[direction]).sort()).toEqual(unionMethods(version, union).sort())
  })

  it('takes params from the request definitions of the same revision', () => {
    const requests = [
      [table.clientRequests, namespace.ClientRequestSchema],
      [table.serverRequests, namespace.ServerRequestSchema],
    ] as const
    for (const [entries, union] of requests) {
      for (const request of members(union)) {
        expect(entries[request.shape.method.value]?.params).toBe(request.shape.params)
      }
    }
  })

  it('takes params from the notification definitions of the same revision', () => {
    const notifications = [
      [table.clientNotifications, namespace.ClientNotificationSchema],
      [table.serverNotifications, namespace.ServerNotificationSchema],
    ] as const
    for (const [entries, union] of notifications) {
      for (const notification of members(union)) {
        expect(entries[notification.shape.method.value]).toBe(notification.shape.params)
      }
    }
  })

  it(`is what revision() returns: ${era} era, ${batches ? 'with' : 'without'} batches`, () => {
    expect(revision(version)).toBe(described)
    expect(described).toMatchObject({ version, era, batches })
  })
})
