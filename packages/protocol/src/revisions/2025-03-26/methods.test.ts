import { describe, expect, it } from 'vitest'
import { methods } from './methods.js'

describe('the 2025-03-26 method table', () => {
  it('checks results with the 2025-03-26 shapes', () => {
    const link = { type: 'resource_link', name: 'readme', uri: 'file:///readme.md' }
    const call = methods.clientRequests['tools/call']
    expect(call.result.safeParse({ content: [link] }).success).toBe(false)
    expect(call.result.safeParse({ content: [{ type: 'text', text: 'ok' }] }).success).toBe(true)
    const sampling = methods.serverRequests['sampling/createMessage']
    const message = {
      role: 'user',
      content: { type: 'audio', data: 'aGk=', mimeType: 'audio/wav' },
    }
    expect(sampling.params.safeParse({ messages: [message], maxTokens: 10 }).success).toBe(true)
  })

  it('validates completion params without context', () => {
    const params = methods.clientRequests['completion/complete'].params
    const valid = { ref: { type: 'ref/prompt', name: 'p' }, argument: { name: 'a', value: '' } }
    expect(params.safeParse(valid).success).toBe(true)
    // `context` is a 2025-06-18 field: any value passes through.
    expect(params.safeParse({ ...valid, context: 'none' }).success).toBe(true)
  })
})
