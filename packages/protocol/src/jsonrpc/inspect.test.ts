import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  inspectMessage,
  isJSONRPCErrorResponse,
  isJSONRPCMessage,
  isJSONRPCNotification,
  isJSONRPCRequest,
  isJSONRPCResultResponse,
} from './inspect.js'
import {
  JSONRPCErrorResponseSchema,
  JSONRPCMessageSchema,
  JSONRPCNotificationSchema,
  JSONRPCRequestSchema,
  JSONRPCResultResponseSchema,
} from './messages.js'

const anyJson = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.boolean())
const validId = fc.oneof(fc.string(), fc.integer())
const idLike = fc.oneof(
  { arbitrary: validId, weight: 8 },
  fc.double(),
  fc.constant(null),
  fc.constant(2 ** 60),
  fc.constant([1]),
)
const validObject = fc.dictionary(fc.string(), anyJson, { maxKeys: 3 })
const objectLike = fc.oneof(
  { arbitrary: validObject, weight: 6 },
  fc.record({ _meta: fc.oneof(validObject, anyJson) }),
  anyJson,
  fc.array(anyJson, { maxLength: 2 }),
)
const errorLike = fc.oneof(
  { arbitrary: fc.record({ code: fc.integer(), message: fc.string(), data: anyJson }), weight: 6 },
  fc.record(
    {
      code: fc.oneof(fc.integer(), fc.double(), fc.string()),
      message: fc.oneof(fc.string(), fc.integer()),
      data: anyJson,
    },
    { requiredKeys: [] },
  ),
  anyJson,
)
const version = fc.constantFrom('2.0', '2.0', '2.0', '2.0', '1.0', 2)
const method = fc.oneof(fc.string(), fc.string(), fc.integer(), fc.constant(null))
/** Values that look more or less like JSON-RPC messages, each kind about equally often. */
const messageLike = fc.oneof(
  fc.record({ jsonrpc: version, id: idLike, method, params: objectLike }, { requiredKeys: ['id'] }),
  fc.record({ jsonrpc: version, method, params: objectLike }, { requiredKeys: ['method'] }),
  fc.record(
    { jsonrpc: version, id: idLike, result: fc.oneof(validObject, objectLike), error: errorLike },
    { requiredKeys: ['result'] },
  ),
  fc.record(
    { jsonrpc: version, id: idLike, error: fc.oneof(errorLike, errorLike) },
    { requiredKeys: ['error'] },
  ),
  fc.record(
    {
      jsonrpc: version,
      id: idLike,
      method,
      params: objectLike,
      result: objectLike,
      error: errorLike,
      extra: anyJson,
    },
    { requiredKeys: [] },
  ),
)

describe('inspectMessage', () => {
  it('accepts only what the zod envelope schemas accept, and names the same kind', () => {
    fc.assert(
      fc.property(messageLike, (value) => {
        const kind = inspectMessage(value)
        if (typeof kind !== 'string') return
        expect(JSONRPCMessageSchema.safeParse(value).success).toBe(true)
        const schema = {
          request: JSONRPCRequestSchema,
          notification: JSONRPCNotificationSchema,
          result: JSONRPCResultResponseSchema,
          error: JSONRPCErrorResponseSchema,
        }[kind]
        expect(schema.safeParse(value).success).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('accepts every unambiguous message the zod schemas accept', () => {
    fc.assert(
      fc.property(messageLike, (value) => {
        const kind = inspectMessage(value)
        if (JSONRPCRequestSchema.safeParse(value).success) expect(kind).toBe('request')
        if (JSONRPCNotificationSchema.safeParse(value).success && !('id' in value)) {
          expect(kind).toBe('notification')
        }
        const isResponse = !('method' in value)
        if (
          JSONRPCResultResponseSchema.safeParse(value).success &&
          isResponse &&
          !('error' in value)
        ) {
          expect(kind).toBe('result')
        }
        if (
          JSONRPCErrorResponseSchema.safeParse(value).success &&
          isResponse &&
          !('result' in value)
        ) {
          expect(kind).toBe('error')
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('says what is wrong with an invalid message', () => {
    expect(inspectMessage([])).toEqual({ problem: 'a JSON-RPC message must be an object' })
    expect(inspectMessage({ jsonrpc: '1.0', method: 'ping' })).toEqual({
      problem: '"jsonrpc" must be "2.0"',
    })
    expect(inspectMessage({ jsonrpc: '2.0', id: null, method: 'ping' })).toEqual({
      problem: '"id" must be a string or an integer',
    })
    expect(inspectMessage({ jsonrpc: '2.0', id: 1, method: 'ping', params: [1] })).toEqual({
      problem: '"params" must be an object',
    })
    expect(inspectMessage({ jsonrpc: '2.0', id: 1, result: {}, error: {} })).toEqual({
      problem: 'a response must hold "result" or "error", not both',
    })
    expect(inspectMessage({ jsonrpc: '2.0', id: 1, error: { code: 1.5, message: 'x' } })).toEqual({
      problem: '"error.code" must be an integer',
    })
    expect(inspectMessage({ jsonrpc: '2.0', id: 1 })).toEqual({
      problem: 'a JSON-RPC message needs a "method", a "result" or an "error"',
    })
  })

  it('accepts an error response without an id, as since 2025-11-25', () => {
    expect(
      inspectMessage({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' } }),
    ).toBe('error')
  })
})

describe('type guards', () => {
  const request = { jsonrpc: '2.0', id: 'a', method: 'tools/list' }
  const notification = { jsonrpc: '2.0', method: 'notifications/initialized' }
  const result = { jsonrpc: '2.0', id: 1, result: { tools: [] } }
  const error = { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found' } }

  it('tell the four kinds apart', () => {
    expect([request, notification, result, error].map(isJSONRPCRequest)).toEqual([
      true,
      false,
      false,
      false,
    ])
    expect([request, notification, result, error].map(isJSONRPCNotification)).toEqual([
      false,
      true,
      false,
      false,
    ])
    expect([request, notification, result, error].map(isJSONRPCResultResponse)).toEqual([
      false,
      false,
      true,
      false,
    ])
    expect([request, notification, result, error].map(isJSONRPCErrorResponse)).toEqual([
      false,
      false,
      false,
      true,
    ])
    expect([request, notification, result, error, {}, 'x'].map(isJSONRPCMessage)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ])
  })
})
