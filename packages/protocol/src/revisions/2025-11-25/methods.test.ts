import { describe, expect, it } from 'vitest'
import {
  ClientNotificationSchema,
  ClientRequestSchema,
  JSONRPCMessageSchema,
  LoggingMessageNotificationSchema,
  ServerNotificationSchema,
  ServerRequestSchema,
  ServerResultSchema,
} from './index.js'
import { methods } from './methods.js'

describe('the 2025-11-25 method table', () => {
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
})

describe('the message unions', () => {
  it('tell client requests from server requests', () => {
    const listRoots = { jsonrpc: '2.0', id: 1, method: 'roots/list' }
    expect(ServerRequestSchema.safeParse(listRoots).success).toBe(true)
    expect(ClientRequestSchema.safeParse(listRoots).success).toBe(false)
    const listTools = { jsonrpc: '2.0', id: 'a', method: 'tools/list', params: { cursor: 'c' } }
    expect(ClientRequestSchema.parse(listTools)).toEqual(listTools)
    expect(ServerRequestSchema.safeParse(listTools).success).toBe(false)
  })

  it('reject a request without an id and a method no revision has', () => {
    expect(ClientRequestSchema.safeParse({ jsonrpc: '2.0', method: 'ping' }).success).toBe(false)
    expect(ClientRequestSchema.safeParse({ jsonrpc: '2.0', id: 1, method: 'x/y' }).success).toBe(
      false,
    )
  })

  it('accept a ping from both sides and a cancellation in both directions', () => {
    const ping = { jsonrpc: '2.0', id: 7, method: 'ping' }
    expect(ClientRequestSchema.safeParse(ping).success).toBe(true)
    expect(ServerRequestSchema.safeParse(ping).success).toBe(true)
    const cancelled = {
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: '123', reason: 'User requested cancellation' },
    }
    expect(ClientNotificationSchema.safeParse(cancelled).success).toBe(true)
    expect(ServerNotificationSchema.safeParse(cancelled).success).toBe(true)
  })

  it('require log data, whatever its type', () => {
    const log = { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'error' } }
    expect(LoggingMessageNotificationSchema.safeParse(log).success).toBe(false)
    const withNull = { ...log, params: { level: 'error', data: null } }
    expect(LoggingMessageNotificationSchema.parse(withNull)).toEqual(withNull)
  })

  it('accept any object as a result, since a result names no method', () => {
    expect(ServerResultSchema.safeParse({ anything: [1] }).success).toBe(true)
    expect(ServerResultSchema.safeParse([]).success).toBe(false)
  })

  it('reject JSON-RPC messages of the wrong version or with a null id', () => {
    expect(JSONRPCMessageSchema.safeParse({ jsonrpc: '1.0', id: 1, method: 'ping' }).success).toBe(
      false,
    )
    expect(JSONRPCMessageSchema.safeParse({ jsonrpc: '2.0', id: null, result: {} }).success).toBe(
      false,
    )
  })
})
