import { describe, expect, it } from 'vitest'
import * as v2025_03_26 from '../2025-03-26/index.js'
import * as v2024_11_05 from './index.js'

const text = { type: 'text', text: 'hi' }
const image = { type: 'image', data: 'aGk=', mimeType: 'image/png' }
const audio = { type: 'audio', data: 'aGk=', mimeType: 'audio/wav' }
const link = { type: 'resource_link', name: 'readme', uri: 'file:///readme.md' }
const embedded = { type: 'resource', resource: { uri: 'file:///a.txt', text: 'a' } }

describe('2024-11-05 accepts what it had', () => {
  it('accepts text, images and embedded resources in tool results and prompts', () => {
    const result = { content: [text, image, embedded], isError: false }
    expect(v2024_11_05.CallToolResultSchema.safeParse(result).success).toBe(true)
    const prompt = { messages: [{ role: 'user', content: embedded }] }
    expect(v2024_11_05.GetPromptResultSchema.safeParse(prompt).success).toBe(true)
  })

  it('checks the inline annotations of content and resources', () => {
    const annotated = { ...text, annotations: { audience: ['user'], priority: 0.5 } }
    expect(v2024_11_05.TextContentSchema.safeParse(annotated).success).toBe(true)
    const tooImportant = { ...text, annotations: { priority: 2 } }
    expect(v2024_11_05.TextContentSchema.safeParse(tooImportant).success).toBe(false)
    expect(
      v2024_11_05.AnnotatedSchema.safeParse({ annotations: { audience: ['bot'] } }).success,
    ).toBe(false)
  })

  it('has the whole session lifecycle', () => {
    const initialize = {
      method: 'initialize',
      params: {
        protocolVersion: '2024-11-05',
        capabilities: { roots: { listChanged: true }, sampling: {} },
        clientInfo: { name: 'client', version: '1.0.0' },
      },
    }
    expect(v2024_11_05.InitializeRequestSchema.safeParse(initialize).success).toBe(true)
    expect(v2024_11_05.ClientRequestSchema.safeParse(initialize).success).toBe(true)
    const result = {
      protocolVersion: '2024-11-05',
      capabilities: { tools: { listChanged: true }, logging: {} },
      serverInfo: { name: 'server', version: '1.0.0' },
    }
    expect(v2024_11_05.InitializeResultSchema.safeParse(result).success).toBe(true)
  })
})

describe('2024-11-05 rejects what 2025-03-26 added', () => {
  it('rejects audio in tool results, prompts and sampling', () => {
    expect(v2024_11_05.CallToolResultSchema.safeParse({ content: [text, audio] }).success).toBe(
      false,
    )
    expect(v2025_03_26.CallToolResultSchema.safeParse({ content: [text, audio] }).success).toBe(
      true,
    )
    const message = { role: 'user', content: audio }
    expect(v2024_11_05.PromptMessageSchema.safeParse(message).success).toBe(false)
    expect(v2024_11_05.SamplingMessageSchema.safeParse(message).success).toBe(false)
    const sampled = { role: 'assistant', model: 'm', content: audio }
    expect(v2024_11_05.CreateMessageResultSchema.safeParse(sampled).success).toBe(false)
    const request = {
      method: 'sampling/createMessage',
      params: { messages: [message], maxTokens: 5 },
    }
    expect(v2024_11_05.ServerRequestSchema.safeParse(request).success).toBe(false)
  })

  it('rejects resource links, which 2025-06-18 added', () => {
    expect(v2024_11_05.CallToolResultSchema.safeParse({ content: [link] }).success).toBe(false)
  })

  it('leaves tool annotations, the completions flag and the progress message unchecked', () => {
    // Not 2024-11-05 fields: any value is just an unknown member, passed through untouched.
    const tool = {
      name: 'rm',
      inputSchema: { type: 'object' },
      annotations: { readOnlyHint: 'no' },
    }
    expect(v2024_11_05.ToolSchema.parse(tool)).toEqual(tool)
    expect(v2025_03_26.ToolSchema.safeParse(tool).success).toBe(false)
    expect(v2024_11_05.ServerCapabilitiesSchema.safeParse({ completions: true }).success).toBe(true)
    const progress = {
      method: 'notifications/progress',
      params: { progressToken: 'p', progress: 1, message: 42 },
    }
    expect(v2024_11_05.ProgressNotificationSchema.safeParse(progress).success).toBe(true)
    expect(v2024_11_05.ServerNotificationSchema.safeParse(progress).success).toBe(true)
    expect(v2025_03_26.ProgressNotificationSchema.safeParse(progress).success).toBe(false)
  })

  it('has no batches', () => {
    const batch = [{ jsonrpc: '2.0', id: 1, method: 'ping' }]
    expect(v2024_11_05.JSONRPCMessageSchema.safeParse(batch).success).toBe(false)
    expect(v2025_03_26.JSONRPCMessageSchema.safeParse(batch).success).toBe(true)
  })
})

describe('2024-11-05 JSON-RPC', () => {
  it('requires the id of a JSONRPCError and keeps JSONRPCResponse for results', () => {
    const error = { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' } }
    expect(v2024_11_05.JSONRPCErrorSchema.safeParse(error).success).toBe(false)
    expect(v2024_11_05.JSONRPCErrorSchema.safeParse({ ...error, id: 'a' }).success).toBe(true)
    expect(v2024_11_05.JSONRPCResponseSchema.safeParse({ ...error, id: 'a' }).success).toBe(false)
    expect(
      v2024_11_05.JSONRPCResponseSchema.safeParse({ jsonrpc: '2.0', id: 'a', result: {} }).success,
    ).toBe(true)
  })
})
