import { describe, expect, it } from 'vitest'
import * as v2025_06_18 from '../2025-06-18/index.js'
import * as v2025_03_26 from './index.js'

const text = { type: 'text', text: 'hi' }
const audio = { type: 'audio', data: 'aGk=', mimeType: 'audio/wav' }
const ping = { jsonrpc: '2.0', id: 1, method: 'ping' }
const initialized = { jsonrpc: '2.0', method: 'notifications/initialized' }

describe('2025-03-26 has what it introduced', () => {
  it('accepts audio in tool results, prompts and sampling', () => {
    expect(v2025_03_26.CallToolResultSchema.safeParse({ content: [text, audio] }).success).toBe(
      true,
    )
    expect(
      v2025_03_26.PromptMessageSchema.safeParse({ role: 'user', content: audio }).success,
    ).toBe(true)
    const result = { role: 'assistant', model: 'm', content: audio }
    expect(v2025_03_26.CreateMessageResultSchema.safeParse(result).success).toBe(true)
  })

  it('checks tool annotations, the completions capability and the progress message', () => {
    const tool = {
      name: 'rm',
      inputSchema: { type: 'object' },
      annotations: { readOnlyHint: 'no' },
    }
    expect(v2025_03_26.ToolSchema.safeParse(tool).success).toBe(false)
    expect(v2025_03_26.ServerCapabilitiesSchema.safeParse({ completions: true }).success).toBe(
      false,
    )
    const progress = {
      method: 'notifications/progress',
      params: { progressToken: 1, progress: 1, message: 42 },
    }
    expect(v2025_03_26.ProgressNotificationSchema.safeParse(progress).success).toBe(false)
  })

  it('accepts batches of requests and notifications, and of responses', () => {
    expect(v2025_03_26.JSONRPCBatchRequestSchema.safeParse([ping, initialized]).success).toBe(true)
    expect(v2025_03_26.JSONRPCMessageSchema.safeParse([ping, initialized]).success).toBe(true)
    const responses = [
      { jsonrpc: '2.0', id: 1, result: {} },
      { jsonrpc: '2.0', id: 2, error: { code: -32601, message: 'Method not found' } },
    ]
    expect(v2025_03_26.JSONRPCBatchResponseSchema.safeParse(responses).success).toBe(true)
    expect(v2025_03_26.JSONRPCMessageSchema.safeParse(responses).success).toBe(true)
    expect(v2025_06_18.JSONRPCMessageSchema.safeParse(responses).success).toBe(false)
  })

  it('checks every message of a batch as its own revision would', () => {
    const anonymousError = { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' } }
    expect(v2025_03_26.JSONRPCBatchResponseSchema.safeParse([anonymousError]).success).toBe(false)
    const response = { jsonrpc: '2.0', id: 1, result: {} }
    expect(v2025_03_26.JSONRPCBatchRequestSchema.safeParse([ping, response]).success).toBe(false)
    expect(v2025_03_26.JSONRPCBatchResponseSchema.safeParse([response, ping]).success).toBe(false)
  })
})

describe('2025-03-26 rejects what 2025-06-18 added', () => {
  it('rejects resource links in tool results and prompt messages', () => {
    const link = { type: 'resource_link', name: 'readme', uri: 'file:///readme.md' }
    expect(v2025_03_26.CallToolResultSchema.safeParse({ content: [text, link] }).success).toBe(
      false,
    )
    expect(v2025_06_18.CallToolResultSchema.safeParse({ content: [text, link] }).success).toBe(true)
    expect(v2025_03_26.PromptMessageSchema.safeParse({ role: 'user', content: link }).success).toBe(
      false,
    )
  })

  it('does not know elicitation', () => {
    const elicit = {
      method: 'elicitation/create',
      params: { message: 'Name?', requestedSchema: { type: 'object', properties: {} } },
    }
    expect(v2025_03_26.ServerRequestSchema.safeParse(elicit).success).toBe(false)
    expect(v2025_06_18.ServerRequestSchema.safeParse(elicit).success).toBe(true)
  })

  it('names a resource template with ResourceReference', () => {
    const request = {
      method: 'completion/complete',
      params: {
        ref: { type: 'ref/resource', uri: 'file:///{path}' },
        argument: { name: 'path', value: 'a' },
      },
    }
    expect(v2025_03_26.CompleteRequestSchema.safeParse(request).success).toBe(true)
    expect(v2025_03_26.ResourceReferenceSchema.safeParse(request.params.ref).success).toBe(true)
  })

  it('leaves fields it does not define to the open object', () => {
    // `title`, `_meta` and `outputSchema` arrived in 2025-06-18: here they are unknown members.
    const tool = {
      name: 'a',
      inputSchema: { type: 'object' },
      title: 7,
      _meta: 'x',
      outputSchema: 1,
    }
    expect(v2025_03_26.ToolSchema.parse(tool)).toEqual(tool)
    expect(v2025_06_18.ToolSchema.safeParse(tool).success).toBe(false)
    const result = { content: [text], structuredContent: 'not an object' }
    expect(v2025_03_26.CallToolResultSchema.safeParse(result).success).toBe(true)
    expect(v2025_06_18.CallToolResultSchema.safeParse(result).success).toBe(false)
  })

  it('has no lastModified annotation to check', () => {
    const annotated = { ...text, annotations: { lastModified: 2025 } }
    expect(v2025_03_26.TextContentSchema.safeParse(annotated).success).toBe(true)
    expect(v2025_06_18.TextContentSchema.safeParse(annotated).success).toBe(false)
  })
})
