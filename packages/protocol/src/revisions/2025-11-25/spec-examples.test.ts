import { describe, expect, it } from 'vitest'
import type { ZodType } from 'zod'
import { specExamples } from './__fixtures__/spec.js'
import {
  ClientNotificationSchema,
  ClientRequestSchema,
  JSONRPCErrorResponseSchema,
  JSONRPCMessageSchema,
  ServerNotificationSchema,
  ServerRequestSchema,
} from './index.js'
import { methods } from './methods.js'

interface Message {
  id?: unknown
  method?: string
  params?: { task?: unknown }
  result?: unknown
  error?: unknown
}

const requests: Record<string, { params: ZodType; result: ZodType; taskResult?: ZodType }> = {
  ...methods.clientRequests,
  ...methods.serverRequests,
}
const notifications: Record<string, ZodType> = {
  ...methods.clientNotifications,
  ...methods.serverNotifications,
}

// The JSON-RPC messages of the spec pages; a response is checked against the request shown
// just before it on the same page, which is how the pages pair them.
const messages = specExamples().filter(
  (example): example is { page: string; where: string; value: Message } =>
    typeof example.value === 'object' && example.value !== null && 'jsonrpc' in example.value,
)

describe('the JSON-RPC examples of the 2025-11-25 spec pages', () => {
  it('are many enough to mean something', () => {
    expect(messages.length).toBeGreaterThan(60)
  })

  it.each(messages.map((message) => [message.where, message.value] as const))(
    '%s is a valid message',
    (_where, message) => {
      expect(JSONRPCMessageSchema.safeParse(message).success).toBe(true)
    },
  )

  const requestsAndNotifications = messages.filter(
    ({ value }) => value.method !== undefined && value.method in { ...requests, ...notifications },
  )
  it.each(requestsAndNotifications.map((message) => [message.where, message.value] as const))(
    '%s parses as a client or server message',
    (_where, message) => {
      const schemas = [
        ClientRequestSchema,
        ServerRequestSchema,
        ClientNotificationSchema,
        ServerNotificationSchema,
      ]
      expect(schemas.some((schema) => schema.safeParse(message).success)).toBe(true)
    },
  )

  const results = messages.flatMap(({ page, where, value }, index) => {
    if (value.result === undefined) return []
    const request = messages
      .slice(0, index)
      .reverse()
      .find(
        (earlier) =>
          earlier.page === page &&
          earlier.value.id === value.id &&
          earlier.value.method !== undefined,
      )
    const entry = request?.value.method === undefined ? undefined : requests[request.value.method]
    if (entry === undefined || request === undefined) return []
    const schema = request.value.params?.task === undefined ? entry.result : entry.taskResult
    return [[`${where} (${request.value.method ?? ''})`, value.result, schema] as const]
  })
  it('pair most results with their request', () => {
    expect(results.length).toBeGreaterThan(20)
  })
  it.each(results)('%s result parses with its method result schema', (_where, result, schema) => {
    expect(schema?.safeParse(result).error).toBeUndefined()
  })

  const errors = messages.filter(({ value }) => value.error !== undefined)
  it.each(errors.map((message) => [message.where, message.value] as const))(
    '%s is a valid error response',
    (_where, message) => {
      expect(JSONRPCErrorResponseSchema.safeParse(message).success).toBe(true)
    },
  )
})
