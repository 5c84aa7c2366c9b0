import { describe, expect, it } from 'vitest'
import { parseJsonRpcBody, parseJsonRpcValue } from './parse-body.js'

const call = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo' } }
const initialized = { jsonrpc: '2.0', method: 'notifications/initialized' }
const result = { jsonrpc: '2.0', id: 1, result: {} }

describe('parseJsonRpcBody', () => {
  it('parses a single message', () => {
    expect(parseJsonRpcBody(JSON.stringify(call))).toEqual({
      success: true,
      messages: [call],
      batch: false,
    })
  })

  it('answers invalid JSON with -32700 and no id', () => {
    const parsed = parseJsonRpcBody('{"jsonrpc": "2.0", "id": 1,')
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    expect(parsed.error).not.toHaveProperty('id')
    expect(parsed.error.error.code).toBe(-32700)
    expect(parsed.error.error.message).toMatch(/^Parse error/)
  })

  it('answers an empty body with -32700', () => {
    const parsed = parseJsonRpcBody('')
    expect(!parsed.success && parsed.error.error.code).toBe(-32700)
  })

  it('answers JSON that is not JSON-RPC with -32600, saying what is wrong', () => {
    for (const body of ['42', '"hello"', 'null', '{}', '{"jsonrpc":"1.0","id":1,"method":"x"}']) {
      const parsed = parseJsonRpcBody(body)
      expect(parsed.success).toBe(false)
      if (parsed.success) continue
      expect(parsed.error.error.code).toBe(-32600)
      expect(parsed.error.error.message).toMatch(/^Invalid Request: /)
    }
  })

  it('keeps the id of an invalid request when it can be read', () => {
    const parsed = parseJsonRpcBody('{"jsonrpc":"2.0","id":7,"method":"x","params":[1,2]}')
    expect(parsed).toEqual({
      success: false,
      error: {
        jsonrpc: '2.0',
        id: 7,
        error: { code: -32600, message: 'Invalid Request: "params" must be an object' },
      },
    })
  })

  it('rejects a batch when the revision has no batches', () => {
    for (const options of [undefined, { batches: false }]) {
      const parsed = parseJsonRpcBody(JSON.stringify([call]), options)
      expect(parsed.success).toBe(false)
      if (parsed.success) continue
      expect(parsed.error.error).toEqual({
        code: -32600,
        message: 'Invalid Request: JSON-RPC batches are not supported in this protocol revision',
      })
    }
  })

  it('parses a batch when the revision has batches (2025-03-26)', () => {
    expect(parseJsonRpcBody(JSON.stringify([call, initialized]), { batches: true })).toEqual({
      success: true,
      messages: [call, initialized],
      batch: true,
    })
    expect(parseJsonRpcBody(JSON.stringify([result]), { batches: true })).toEqual({
      success: true,
      messages: [result],
      batch: true,
    })
  })

  it('rejects an empty batch', () => {
    const parsed = parseJsonRpcBody('[]', { batches: true })
    expect(!parsed.success && parsed.error.error.message).toBe(
      'Invalid Request: the batch is empty',
    )
  })

  it('rejects a batch with an invalid member, naming the member', () => {
    const parsed = parseJsonRpcBody(JSON.stringify([call, { jsonrpc: '2.0' }]), { batches: true })
    expect(!parsed.success && parsed.error.error.message).toBe(
      'Invalid Request: batch member 1: a JSON-RPC message needs a "method", a "result" or an "error"',
    )
  })

  it('rejects a batch that mixes requests and responses', () => {
    const parsed = parseJsonRpcBody(JSON.stringify([call, result]), { batches: true })
    expect(!parsed.success && parsed.error.error.code).toBe(-32600)
  })

  it('accepts a revision object as options', () => {
    const revision = { version: '2025-03-26', batches: true }
    expect(parseJsonRpcBody(JSON.stringify([call]), revision).success).toBe(true)
  })
})

describe('parseJsonRpcValue', () => {
  it('validates an already parsed body the same way', () => {
    expect(parseJsonRpcValue(call)).toEqual({ success: true, messages: [call], batch: false })
    expect(parseJsonRpcValue({ id: 1 }).success).toBe(false)
  })
})
