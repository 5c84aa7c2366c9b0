import { describe, expect, it } from 'vitest'
import {
  ElicitRequestSchema,
  ElicitResultSchema,
  PrimitiveSchemaDefinitionSchema,
  URLElicitationRequiredErrorSchema,
} from './index.js'

function formRequest(properties: Record<string, unknown>) {
  return {
    jsonrpc: '2.0',
    id: 1,
    method: 'elicitation/create',
    params: {
      mode: 'form',
      message: 'Please provide your contact information',
      requestedSchema: { type: 'object', properties, required: Object.keys(properties) },
    },
  }
}

describe('ElicitRequestSchema', () => {
  it('accepts a form of every primitive field kind', () => {
    const request = formRequest({
      name: { type: 'string', minLength: 1, maxLength: 50, format: 'email', default: 'a@b.c' },
      age: { type: 'integer', minimum: 0, maximum: 150 },
      subscribe: { type: 'boolean', default: false },
      color: { type: 'string', enum: ['red', 'green'] },
      size: { type: 'string', oneOf: [{ const: 's', title: 'Small' }] },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, maxItems: 2 },
      labels: { type: 'array', items: { anyOf: [{ const: 'x', title: 'X' }] } },
      legacy: { type: 'string', enum: ['a'], enumNames: ['A'] },
    })
    expect(ElicitRequestSchema.parse(request)).toEqual(request)
  })

  it('accepts a form without mode, as 2025-06-18 servers send it', () => {
    const request = formRequest({ name: { type: 'string' } })
    delete (request.params as { mode?: string }).mode
    expect(ElicitRequestSchema.safeParse(request).success).toBe(true)
  })

  it('rejects a form schema with a nested object', () => {
    const request = formRequest({
      address: { type: 'object', properties: { street: { type: 'string' } } },
    })
    expect(ElicitRequestSchema.safeParse(request).success).toBe(false)
  })

  it('rejects a form field of an unsupported string format or without a type', () => {
    expect(
      ElicitRequestSchema.safeParse(formRequest({ ip: { type: 'string', format: 'ipv4' } }))
        .success,
    ).toBe(false)
    expect(ElicitRequestSchema.safeParse(formRequest({ x: { title: 'X' } })).success).toBe(false)
  })

  it('rejects a requestedSchema that is not an object schema', () => {
    const request = formRequest({})
    const params = { ...request.params, requestedSchema: { type: 'array', properties: {} } }
    expect(ElicitRequestSchema.safeParse({ ...request, params }).success).toBe(false)
  })

  it('accepts a URL elicitation and rejects one without its elicitation id', () => {
    const params = {
      mode: 'url',
      elicitationId: '550e8400-e29b-41d4-a716-446655440000',
      url: 'https://mcp.example.com/ui/set_api_key',
      message: 'Please provide your API key to continue.',
    }
    const request = { jsonrpc: '2.0', id: 3, method: 'elicitation/create', params }
    expect(ElicitRequestSchema.parse(request)).toEqual(request)
    const { elicitationId: _, ...withoutId } = params
    expect(ElicitRequestSchema.safeParse({ ...request, params: withoutId }).success).toBe(false)
  })
})

describe('PrimitiveSchemaDefinitionSchema', () => {
  it('rejects an array of free strings, which is not an enum', () => {
    expect(
      PrimitiveSchemaDefinitionSchema.safeParse({ type: 'array', items: { type: 'string' } })
        .success,
    ).toBe(false)
  })
})

describe('ElicitResultSchema', () => {
  it('accepts the values of primitive fields', () => {
    const result = {
      action: 'accept',
      content: { name: 'Octocat', age: 30, subscribe: true, tags: ['a', 'b'] },
    }
    expect(ElicitResultSchema.parse(result)).toEqual(result)
  })

  it('rejects nested values and an unknown action', () => {
    expect(
      ElicitResultSchema.safeParse({ action: 'accept', content: { a: { b: 1 } } }).success,
    ).toBe(false)
    expect(ElicitResultSchema.safeParse({ action: 'ok' }).success).toBe(false)
  })
})

describe('URLElicitationRequiredErrorSchema', () => {
  const response = {
    jsonrpc: '2.0',
    id: 2,
    error: {
      code: -32042,
      message: 'This request requires more information.',
      data: {
        elicitations: [
          {
            mode: 'url',
            elicitationId: '550e8400',
            url: 'https://mcp.example.com/connect?elicitationId=550e8400',
            message: 'Authorization is required to access your Example Co files.',
          },
        ],
      },
    },
  }

  it('accepts the error the spec shows', () => {
    expect(URLElicitationRequiredErrorSchema.parse(response)).toEqual(response)
  })

  it('rejects another error code and an error without the elicitations', () => {
    expect(
      URLElicitationRequiredErrorSchema.safeParse({
        ...response,
        error: { ...response.error, code: -32603 },
      }).success,
    ).toBe(false)
    expect(
      URLElicitationRequiredErrorSchema.safeParse({
        ...response,
        error: { ...response.error, data: {} },
      }).success,
    ).toBe(false)
  })
})
