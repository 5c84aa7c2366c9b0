import { describe, expect, it } from 'vitest'
import {
  CallToolRequestSchema,
  CallToolResultSchema,
  ListToolsResultSchema,
  ToolSchema,
} from './index.js'

const weather = {
  name: 'get_weather',
  title: 'Weather Information Provider',
  description: 'Get current weather information for a location',
  inputSchema: {
    type: 'object',
    properties: { location: { type: 'string', description: 'City name or zip code' } },
    required: ['location'],
  },
}

describe('ToolSchema', () => {
  it('accepts a tool from the spec', () => {
    expect(ToolSchema.parse(weather)).toEqual(weather)
  })

  it('rejects a tool without an inputSchema', () => {
    const { inputSchema: _, ...tool } = weather
    expect(ToolSchema.safeParse(tool).success).toBe(false)
  })

  it('rejects an inputSchema that is not an object schema', () => {
    const tool = { ...weather, inputSchema: { type: 'string' } }
    expect(ToolSchema.safeParse(tool).success).toBe(false)
  })

  it('rejects a property schema that is not an object', () => {
    const tool = { ...weather, inputSchema: { type: 'object', properties: { location: 'string' } } }
    expect(ToolSchema.safeParse(tool).success).toBe(false)
  })

  it('keeps every JSON Schema keyword of inputSchema and outputSchema', () => {
    const tool = {
      ...weather,
      inputSchema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        $defs: { unit: { enum: ['c', 'f'] } },
        properties: { unit: { $ref: '#/$defs/unit' } },
        additionalProperties: false,
      },
      outputSchema: { type: 'object', properties: {}, additionalProperties: { type: 'number' } },
    }
    expect(ToolSchema.parse(tool)).toEqual(tool)
  })

  it('passes unknown fields through untouched', () => {
    const tool = { ...weather, futureField: { nested: [1, 2] }, _meta: { 'x.dev/a': 1 } }
    expect(ToolSchema.parse(tool)).toEqual(tool)
  })

  it('accepts only the three task support modes', () => {
    expect(
      ToolSchema.safeParse({ ...weather, execution: { taskSupport: 'optional' } }).success,
    ).toBe(true)
    expect(ToolSchema.safeParse({ ...weather, execution: { taskSupport: 'always' } }).success).toBe(
      false,
    )
  })

  it('lists tools with a cursor for the next page', () => {
    const page = { tools: [weather], nextCursor: 'next-page-cursor' }
    expect(ListToolsResultSchema.parse(page)).toEqual(page)
  })
})

describe('CallToolRequestSchema', () => {
  it('accepts a call with arguments, a progress token and a task', () => {
    const request = {
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: {
        name: 'get_weather',
        arguments: { location: 'New York' },
        task: { ttl: 60000 },
        _meta: { progressToken: 'p1' },
      },
    }
    expect(CallToolRequestSchema.parse(request)).toEqual(request)
  })

  it('rejects another method, a missing name and a non-integer progress token', () => {
    const base = { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'x' } }
    expect(CallToolRequestSchema.safeParse({ ...base, method: 'tools/list' }).success).toBe(false)
    expect(CallToolRequestSchema.safeParse({ ...base, params: {} }).success).toBe(false)
    expect(
      CallToolRequestSchema.safeParse({
        ...base,
        params: { name: 'x', _meta: { progressToken: 1.5 } },
      }).success,
    ).toBe(false)
  })

  it('rejects arguments that are not an object', () => {
    const request = {
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'x', arguments: ['New York'] },
    }
    expect(CallToolRequestSchema.safeParse(request).success).toBe(false)
  })
})

describe('CallToolResultSchema', () => {
  it('accepts content with structured content and an error flag', () => {
    const result = {
      content: [{ type: 'text', text: '{"temperature": 22.5}' }],
      structuredContent: { temperature: 22.5 },
      isError: false,
    }
    expect(CallToolResultSchema.parse(result)).toEqual(result)
  })

  it('rejects content that is not an array', () => {
    expect(CallToolResultSchema.safeParse({ content: { type: 'text', text: 'x' } }).success).toBe(
      false,
    )
    expect(CallToolResultSchema.safeParse({ content: 'done' }).success).toBe(false)
  })

  it('rejects a result without content, even with structured content', () => {
    expect(CallToolResultSchema.safeParse({ structuredContent: { a: 1 } }).success).toBe(false)
  })

  it('rejects structured content that is not an object', () => {
    expect(CallToolResultSchema.safeParse({ content: [], structuredContent: [1] }).success).toBe(
      false,
    )
  })
})
