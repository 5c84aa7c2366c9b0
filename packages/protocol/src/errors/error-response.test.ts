import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { ErrorCode } from './error-code.js'
import { errorResponse, toErrorResponse } from './error-response.js'
import { LocalError } from './local-error.js'
import { McpError } from './mcp-error.js'

describe('errorResponse', () => {
  it('builds an error response, leaving out an absent id and data', () => {
    expect(errorResponse(3, ErrorCode.MethodNotFound, 'Method not found: x')).toEqual({
      jsonrpc: '2.0',
      id: 3,
      error: { code: -32601, message: 'Method not found: x' },
    })
    const response = errorResponse(undefined, ErrorCode.ParseError, 'Parse error', { at: 4 })
    expect(response).toEqual({
      jsonrpc: '2.0',
      error: { code: -32700, message: 'Parse error', data: { at: 4 } },
    })
    expect(response).not.toHaveProperty('id')
  })
})

describe('toErrorResponse', () => {
  it('keeps an McpError as it is', () => {
    const error = new McpError(ErrorCode.UrlElicitationRequired, 'Sign in first', {
      data: { elicitations: [] },
    })
    expect(toErrorResponse('a', error)).toEqual({
      jsonrpc: '2.0',
      id: 'a',
      error: { code: -32042, message: 'Sign in first', data: { elicitations: [] } },
    })
  })

  it('recognises an McpError from another copy of the package', () => {
    const foreign = Object.assign(new Error('Gone'), { name: 'McpError', code: -32002 })
    expect(toErrorResponse(1, foreign).error).toEqual({ code: -32002, message: 'Gone' })
  })

  it('turns a zod error into -32602 listing the failing paths', () => {
    const schema = z.object({
      name: z.string(),
      arguments: z.object({ items: z.array(z.number()) }),
    })
    const failure = schema.safeParse({ arguments: { items: [1, 'two'] } })
    expect(failure.success).toBe(false)
    const response = toErrorResponse(5, failure.error)
    expect(response.error.code).toBe(-32602)
    expect(response.error.message).toMatch(/^Invalid params: /)
    expect(response.error.message).toContain('name: ')
    expect(response.error.message).toContain('arguments.items[1]: ')
  })

  it('turns anything else into -32603 without leaking its message or stack', () => {
    for (const thrown of [
      new Error('password=hunter2 at /srv/app/db.ts:12'),
      new LocalError('timeout', 'Request timed out after 10 ms: sampling/createMessage'),
      'a string',
      undefined,
      { code: -32602, message: 'looks like an error object' },
    ]) {
      const response = toErrorResponse(9, thrown)
      expect(response).toEqual({
        jsonrpc: '2.0',
        id: 9,
        error: { code: -32603, message: 'Internal error' },
      })
    }
  })
})

describe('McpError', () => {
  it('round-trips through an error object', () => {
    const error = McpError.fromErrorObject({ code: -32602, message: 'Bad', data: [1] })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('McpError')
    expect(error.toErrorObject()).toEqual({ code: -32602, message: 'Bad', data: [1] })
    expect(new McpError(-32603, 'x').toErrorObject()).toEqual({ code: -32603, message: 'x' })
  })
})

describe('LocalError', () => {
  it('carries its type, method and cause', () => {
    const cause = new Error('socket hang up')
    const error = new LocalError('network', 'POST http://localhost/mcp failed', {
      method: 'tools/call',
      url: 'http://localhost/mcp',
      cause,
    })
    expect(error.name).toBe('LocalError')
    expect(error.type).toBe('network')
    expect(error.method).toBe('tools/call')
    expect(error.url).toBe('http://localhost/mcp')
    expect(error.status).toBeUndefined()
    expect(error.cause).toBe(cause)
  })
})
