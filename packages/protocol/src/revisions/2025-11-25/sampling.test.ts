import { describe, expect, it } from 'vitest'
import { CreateMessageRequestParamsSchema, CreateMessageResultSchema } from './index.js'

const params = {
  messages: [{ role: 'user', content: { type: 'text', text: 'What is the weather in Paris?' } }],
  modelPreferences: { hints: [{ name: 'claude-3-sonnet' }], intelligencePriority: 0.8 },
  systemPrompt: 'You are a helpful assistant.',
  maxTokens: 1000,
  tools: [
    {
      name: 'get_weather',
      inputSchema: { type: 'object', properties: { city: { type: 'string' } } },
    },
  ],
  toolChoice: { mode: 'auto' },
}

describe('CreateMessageRequestParamsSchema', () => {
  it('accepts a request with tools', () => {
    expect(CreateMessageRequestParamsSchema.parse(params)).toEqual(params)
  })

  it('accepts a conversation with tool use and tool results as block lists', () => {
    const conversation = {
      ...params,
      messages: [
        ...params.messages,
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
          ],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              toolUseId: 'call_1',
              content: [{ type: 'text', text: '18°C' }],
            },
          ],
        },
      ],
    }
    expect(CreateMessageRequestParamsSchema.parse(conversation)).toEqual(conversation)
  })

  it('rejects a missing or fractional maxTokens', () => {
    const { maxTokens: _, ...withoutMax } = params
    expect(CreateMessageRequestParamsSchema.safeParse(withoutMax).success).toBe(false)
    expect(CreateMessageRequestParamsSchema.safeParse({ ...params, maxTokens: 10.5 }).success).toBe(
      false,
    )
  })

  it('rejects priorities outside 0..1 and an unknown tool choice', () => {
    const greedy = { ...params, modelPreferences: { costPriority: 1.5 } }
    expect(CreateMessageRequestParamsSchema.safeParse(greedy).success).toBe(false)
    const forced = { ...params, toolChoice: { mode: 'always' } }
    expect(CreateMessageRequestParamsSchema.safeParse(forced).success).toBe(false)
  })

  it('rejects a tool result without its tool use id', () => {
    const broken = {
      ...params,
      messages: [{ role: 'user', content: { type: 'tool_result', content: [] } }],
    }
    expect(CreateMessageRequestParamsSchema.safeParse(broken).success).toBe(false)
  })
})

describe('CreateMessageResultSchema', () => {
  it('accepts a single block and a list of blocks', () => {
    const text = { role: 'assistant', model: 'claude', content: { type: 'text', text: 'Hi' } }
    expect(CreateMessageResultSchema.parse(text)).toEqual(text)
    const toolUse = {
      role: 'assistant',
      model: 'claude',
      stopReason: 'toolUse',
      content: [{ type: 'tool_use', id: 'c', name: 'get_weather', input: {} }],
    }
    expect(CreateMessageResultSchema.parse(toolUse)).toEqual(toolUse)
  })

  it('rejects a result without the model that wrote it', () => {
    expect(
      CreateMessageResultSchema.safeParse({
        role: 'assistant',
        content: { type: 'text', text: '' },
      }).success,
    ).toBe(false)
  })

  it('rejects resource links, which sampling messages cannot hold', () => {
    const result = {
      role: 'assistant',
      model: 'claude',
      content: { type: 'resource_link', uri: 'file:///a', name: 'a' },
    }
    expect(CreateMessageResultSchema.safeParse(result).success).toBe(false)
  })
})
