import { describe, expect, it } from 'vitest'
import { methods } from './methods.js'

describe('the 2024-11-05 method table', () => {
  it('checks results and params with the 2024-11-05 shapes', () => {
    const audio = { type: 'audio', data: 'aGk=', mimeType: 'audio/wav' }
    expect(
      methods.clientRequests['tools/call'].result.safeParse({ content: [audio] }).success,
    ).toBe(false)
    const sampling = methods.serverRequests['sampling/createMessage']
    const messages = [{ role: 'user', content: audio }]
    expect(sampling.params.safeParse({ messages, maxTokens: 5 }).success).toBe(false)
    const text = { role: 'user', content: { type: 'text', text: 'hi' } }
    expect(sampling.params.safeParse({ messages: [text], maxTokens: 5 }).success).toBe(true)
  })

  it('validates progress params without a message, in both directions', () => {
    for (const table of [methods.clientNotifications, methods.serverNotifications]) {
      const params = table['notifications/progress']
      expect(params.safeParse({ progressToken: 1, progress: 1, message: 7 }).success).toBe(true)
      expect(params.safeParse({ progressToken: 1 }).success).toBe(false)
    }
  })
})
