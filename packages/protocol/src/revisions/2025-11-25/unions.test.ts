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
