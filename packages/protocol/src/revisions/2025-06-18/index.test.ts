import { describe, expect, it } from 'vitest'
import * as trunk from '../2025-11-25/index.js'
import * as v2025_06_18 from './index.js'

const text = { type: 'text', text: 'hi' }
const link = { type: 'resource_link', name: 'readme', uri: 'file:///readme.md' }

describe('2025-06-18 has what it introduced', () => {
  it('accepts structured tool output, output schemas and resource links', () => {
    const tool = {
      name: 'weather',
      title: 'Weather',
      inputSchema: { type: 'object' },
      outputSchema: { type: 'object', properties: { celsius: { type: 'number' } } },
    }
    expect(v2025_06_18.ToolSchema.safeParse(tool).success).toBe(true)
    const result = { content: [text, link], structuredContent: { celsius: 21 } }
    expect(v2025_06_18.CallToolResultSchema.safeParse(result).success).toBe(true)
  })

  it('accepts a form elicitation and its answer', () => {
    const request = {
      method: 'elicitation/create',
      params: {
        message: 'Your name?',
        requestedSchema: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1 },
            color: { type: 'string', enum: ['red', 'blue'], enumNames: ['Red', 'Blue'] },
          },
          required: ['name'],
        },
      },
    }
    expect(v2025_06_18.ElicitRequestSchema.safeParse(request).success).toBe(true)
    const answer = { action: 'accept', content: { name: 'Ada', age: 36, subscribed: true } }
    expect(v2025_06_18.ElicitResultSchema.safeParse(answer).success).toBe(true)
  })
})

describe('2025-06-18 rejects what 2025-11-25 added', () => {
  it('rejects URL-mode elicitation, which has no requestedSchema', () => {
    const request = {
      method: 'elicitation/create',
      params: { mode: 'url', message: 'Sign in', elicitationId: 'e1', url: 'https://a.example' },
    }
    expect(v2025_06_18.ElicitRequestSchema.safeParse(request).success).toBe(false)
    expect(trunk.ElicitRequestSchema.safeParse({ jsonrpc: '2.0', id: 1, ...request }).success).toBe(
      true,
    )
  })

  it('rejects multi-select fields and their string-array answers', () => {
    const multiSelect = { type: 'array', items: { type: 'string', enum: ['a', 'b'] } }
    expect(v2025_06_18.PrimitiveSchemaDefinitionSchema.safeParse(multiSelect).success).toBe(false)
    expect(trunk.PrimitiveSchemaDefinitionSchema.safeParse(multiSelect).success).toBe(true)
    const answer = { action: 'accept', content: { tags: ['a', 'b'] } }
    expect(v2025_06_18.ElicitResultSchema.safeParse(answer).success).toBe(false)
  })

  it('rejects sampling with tool use or several blocks per message', () => {
    const toolUse = { type: 'tool_use', id: 'c1', name: 'weather', input: {} }
    const message = { role: 'assistant', content: toolUse }
    expect(v2025_06_18.SamplingMessageSchema.safeParse(message).success).toBe(false)
    expect(trunk.SamplingMessageSchema.safeParse(message).success).toBe(true)
    const result = { role: 'assistant', model: 'm', content: [text, text] }
    expect(v2025_06_18.CreateMessageResultSchema.safeParse(result).success).toBe(false)
  })

  it('requires the request id of a cancellation', () => {
    const cancelled = { method: 'notifications/cancelled', params: { reason: 'gone' } }
    expect(v2025_06_18.CancelledNotificationSchema.safeParse(cancelled).success).toBe(false)
  })

  it('does not know task requests', () => {
    const get = { method: 'tasks/get', params: { taskId: 't1' } }
    expect(v2025_06_18.ClientRequestSchema.safeParse(get).success).toBe(false)
  })

  it('leaves fields it does not define to the open object', () => {
    // `icons` arrived in 2025-11-25: here it is just an unknown member, passed through untouched.
    const tool = { name: 'a', inputSchema: { type: 'object' }, icons: 'not a list' }
    expect(v2025_06_18.ToolSchema.parse(tool)).toEqual(tool)
    expect(trunk.ToolSchema.safeParse(tool).success).toBe(false)
  })
})

describe('2025-06-18 messages and envelopes', () => {
  it('defines a request as method and params, without the JSON-RPC envelope', () => {
    const call = { method: 'tools/call', params: { name: 'echo' } }
    expect(v2025_06_18.CallToolRequestSchema.safeParse(call).success).toBe(true)
    expect(v2025_06_18.ClientRequestSchema.safeParse(call).success).toBe(true)
    expect(trunk.CallToolRequestSchema.safeParse(call).success).toBe(false)
  })

  it('requires the id of an error response', () => {
    const error = { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' } }
    expect(v2025_06_18.JSONRPCErrorSchema.safeParse(error).success).toBe(false)
    expect(v2025_06_18.JSONRPCErrorSchema.safeParse({ ...error, id: 1 }).success).toBe(true)
    expect(trunk.JSONRPCErrorResponseSchema.safeParse(error).success).toBe(true)
  })

  it('calls only the result response JSONRPCResponse', () => {
    const error = { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found' } }
    expect(v2025_06_18.JSONRPCResponseSchema.safeParse(error).success).toBe(false)
    expect(v2025_06_18.JSONRPCMessageSchema.safeParse(error).success).toBe(true)
  })

  it('has no batches', () => {
    const batch = [{ jsonrpc: '2.0', id: 1, method: 'ping' }]
    expect(v2025_06_18.JSONRPCMessageSchema.safeParse(batch).success).toBe(false)
  })

  it('checks the progress token of a request', () => {
    const request = { jsonrpc: '2.0', id: 1, method: 'x', params: { _meta: { progressToken: {} } } }
    expect(v2025_06_18.JSONRPCRequestSchema.safeParse(request).success).toBe(false)
  })
})
