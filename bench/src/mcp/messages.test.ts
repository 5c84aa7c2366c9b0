import { describe, expect, it } from 'vitest'
import { checkEcho, messagesOf, notificationBody, requestBody, resultFor } from './messages.js'

describe('messagesOf', () => {
  it('reads a JSON body as one message and a JSON array as a batch', () => {
    expect(messagesOf('application/json', '{"jsonrpc":"2.0","id":1,"result":{}}')).toEqual([
      { jsonrpc: '2.0', id: 1, result: {} },
    ])
    expect(messagesOf('application/json; charset=utf-8', '[{"id":1},{"id":2}]')).toHaveLength(2)
  })

  it('reads the message events of an SSE body and skips priming events without data', () => {
    const body =
      'id: 0\ndata: \n\nevent: message\ndata: {"jsonrpc":"2.0","id":3,"result":{"a":1}}\n\n'
    expect(messagesOf('text/event-stream', body)).toEqual([
      { jsonrpc: '2.0', id: 3, result: { a: 1 } },
    ])
  })

  it('returns nothing for an empty body (a 202)', () => {
    expect(messagesOf('', '')).toEqual([])
  })
})

describe('resultFor', () => {
  it('picks the reply with the request id, not a notification sent before it', () => {
    const messages = [
      { jsonrpc: '2.0', method: 'notifications/message', params: {} },
      { jsonrpc: '2.0', id: 9, result: { ok: true } },
    ]
    expect(resultFor(messages, 9, 'tools/call')).toEqual({ ok: true })
  })

  it('throws with the JSON-RPC error of a failed call', () => {
    const messages = [{ id: 2, error: { code: -32602, message: 'Unknown tool' } }]
    expect(() => resultFor(messages, 2, 'tools/call')).toThrow(
      'tools/call failed with -32602: Unknown tool',
    )
  })

  it('throws when the reply is for another request', () => {
    expect(() => resultFor([{ id: 1, result: {} }], 2, 'tools/call')).toThrow(
      'no reply to request 2',
    )
  })
})

describe('checkEcho', () => {
  it('accepts the text content that echoes the message', () => {
    expect(() => {
      checkEcho({ content: [{ type: 'text', text: 'hi' }] }, 'hi')
    }).not.toThrow()
  })

  it('rejects another text, an error result or no content', () => {
    expect(() => {
      checkEcho({ content: [{ type: 'text', text: 'other' }] }, 'hi')
    }).toThrow('echo answered')
    expect(() => {
      checkEcho({ content: [{ type: 'text', text: 'hi' }], isError: true }, 'hi')
    }).toThrow()
    expect(() => {
      checkEcho({}, 'hi')
    }).toThrow()
  })
})

describe('bodies', () => {
  it('serializes requests and notifications as JSON-RPC 2.0', () => {
    expect(JSON.parse(requestBody(4, 'tools/call', { name: 'echo' }))).toEqual({
      jsonrpc: '2.0',
      id: 4,
      method: 'tools/call',
      params: { name: 'echo' },
    })
    expect(JSON.parse(notificationBody('notifications/initialized'))).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/initialized',
    })
  })
})
