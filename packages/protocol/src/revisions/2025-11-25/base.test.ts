import { describe, expect, it } from 'vitest'
import {
  AnnotationsSchema,
  IconSchema,
  PaginatedRequestSchema,
  ProgressNotificationSchema,
  ProgressTokenSchema,
  ReadResourceRequestSchema,
  ResultSchema,
} from './index.js'

describe('base definitions', () => {
  it('take a progress token as a string or an integer, nothing else', () => {
    expect(ProgressTokenSchema.safeParse('abc123').success).toBe(true)
    expect(ProgressTokenSchema.safeParse(42).success).toBe(true)
    expect(ProgressTokenSchema.safeParse(4.2).success).toBe(false)
    expect(ProgressTokenSchema.safeParse(null).success).toBe(false)
  })

  it('report progress with a number that need not be an integer', () => {
    const progress = {
      jsonrpc: '2.0',
      method: 'notifications/progress',
      params: { progressToken: 'abc123', progress: 50.5, total: 100, message: 'Reticulating' },
    }
    expect(ProgressNotificationSchema.parse(progress)).toEqual(progress)
    const { progress: _, ...withoutProgress } = progress.params
    expect(
      ProgressNotificationSchema.safeParse({ ...progress, params: withoutProgress }).success,
    ).toBe(false)
  })

  it('accept list requests with or without a cursor, but not a numeric one', () => {
    expect(PaginatedRequestSchema.safeParse({ jsonrpc: '2.0', id: 1, method: 'x' }).success).toBe(
      true,
    )
    const numeric = { jsonrpc: '2.0', id: 1, method: 'x', params: { cursor: 2 } }
    expect(PaginatedRequestSchema.safeParse(numeric).success).toBe(false)
  })

  it('check annotations and icons', () => {
    expect(AnnotationsSchema.safeParse({ audience: ['user', 'assistant'] }).success).toBe(true)
    expect(AnnotationsSchema.safeParse({ audience: ['system'] }).success).toBe(false)
    expect(IconSchema.safeParse({ src: 'https://a/i.svg', theme: 'dark' }).success).toBe(true)
    expect(IconSchema.safeParse({ src: 'https://a/i.svg', theme: 'blue' }).success).toBe(false)
    expect(IconSchema.safeParse({ mimeType: 'image/png' }).success).toBe(false)
  })

  it('do not check URI syntax, so custom and sloppy URIs from real servers get through', () => {
    const request = {
      jsonrpc: '2.0',
      id: 1,
      method: 'resources/read',
      params: { uri: 'my notes/today' },
    }
    expect(ReadResourceRequestSchema.safeParse(request).success).toBe(true)
  })

  it('pass unknown fields through untouched, at every level of a message', () => {
    const request = {
      jsonrpc: '2.0',
      id: 'r1',
      method: 'resources/read',
      params: { uri: 'file:///a', _meta: { progressToken: 1, 'x.dev/trace': 't' }, extra: [1] },
      transportHint: { a: 1 },
    }
    expect(ReadResourceRequestSchema.parse(request)).toEqual(request)
    const result = { _meta: { 'x.dev/a': { b: 2 } }, whatever: null }
    expect(ResultSchema.parse(result)).toEqual(result)
  })
})
