import { LocalError } from '@mcp-sse/protocol'
import { describe, expect, it, vi } from 'vitest'
import { answerInputRequests, type InputContext, type InputHandlers } from './input-required.js'

const context = (): InputContext => ({
  signal: new AbortController().signal,
  relatedRequestId: 7,
  method: 'tools/call',
  url: 'http://127.0.0.1/mcp',
})

const formSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', default: 'John Doe' },
    age: { type: 'integer', default: 30 },
    score: { type: 'number', default: 95.5 },
    status: { type: 'string', enum: ['active', 'inactive'], default: 'active' },
    verified: { type: 'boolean', default: true },
  },
}

describe('answerInputRequests', () => {
  it('calls each handler exactly once per input request and answers under the server keys', async () => {
    const onElicitation = vi.fn((_params: unknown, _context: unknown) => ({
      action: 'accept' as const,
      content: { name: 'Ada' },
    }))
    const onSampling = vi.fn(() => ({
      role: 'assistant' as const,
      model: 'm',
      content: { type: 'text' as const, text: 'hello' },
    }))
    const handlers: InputHandlers = {
      onElicitation,
      onSampling,
      roots: () => () => Promise.resolve([{ uri: 'file:///work', name: 'work' }]),
    }
    const answers = await answerInputRequests(
      {
        user_name: {
          method: 'elicitation/create',
          params: { mode: 'form', message: 'Name?', requestedSchema: formSchema },
        },
        again: {
          method: 'elicitation/create',
          params: { message: 'And?', requestedSchema: { type: 'object', properties: {} } },
        },
        greeting: {
          method: 'sampling/createMessage',
          params: {
            messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }],
            maxTokens: 5,
          },
        },
        client_roots: { method: 'roots/list' },
      },
      handlers,
      context(),
    )
    expect(onElicitation).toHaveBeenCalledTimes(2)
    expect(onSampling).toHaveBeenCalledTimes(1)
    expect(onElicitation.mock.calls[0]![1]).toMatchObject({ relatedRequestId: 7 })
    expect(answers).toEqual({
      // SEP-1034: what the user left out is filled from the schema's defaults.
      user_name: {
        action: 'accept',
        content: { name: 'Ada', age: 30, score: 95.5, status: 'active', verified: true },
      },
      again: { action: 'accept', content: { name: 'Ada' } },
      greeting: { role: 'assistant', model: 'm', content: { type: 'text', text: 'hello' } },
      client_roots: { roots: [{ uri: 'file:///work', name: 'work' }] },
    })
  })

  it('leaves a declined elicitation and URL mode alone', async () => {
    const handlers: InputHandlers = {
      onElicitation: (params) =>
        params.mode === 'url' ? { action: 'accept' } : { action: 'decline' },
      elicitation: { url: true },
    }
    const answers = await answerInputRequests(
      {
        form: {
          method: 'elicitation/create',
          params: { message: 'm', requestedSchema: formSchema },
        },
        link: {
          method: 'elicitation/create',
          params: { mode: 'url', message: 'Sign in', url: 'https://example.com/login' },
        },
      },
      handlers,
      context(),
    )
    expect(answers).toEqual({ form: { action: 'decline' }, link: { action: 'accept' } })
  })

  it('fails with a protocol error when the server asks for what the client did not declare', async () => {
    const ask = (request: unknown, handlers: InputHandlers = {}) =>
      answerInputRequests({ key: request }, handlers, context())
    await expect(
      ask({ method: 'sampling/createMessage', params: { messages: [], maxTokens: 1 } }),
    ).rejects.toThrow(/input "key" by sampling, which this client did not declare/)
    await expect(ask({ method: 'roots/list' })).rejects.toThrow(/by roots/)
    await expect(
      ask(
        {
          method: 'elicitation/create',
          params: { mode: 'url', message: 'm', url: 'https://x.dev' },
        },
        { onElicitation: () => ({ action: 'accept' }) },
      ),
    ).rejects.toThrow(/elicitation in url mode/)
    const error = await ask({ method: 'tasks/get', params: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LocalError)
    expect((error as LocalError).type).toBe('protocol')
    expect((error as LocalError).message).toMatch(
      /^tools\/call on http:\/\/127.0.0.1\/mcp asked for input "key" with an unknown method tasks\/get/,
    )
    await expect(
      ask(
        { method: 'sampling/createMessage', params: { maxTokens: 'x' } },
        {
          onSampling: () => ({
            role: 'assistant',
            model: 'm',
            content: { type: 'text', text: '' },
          }),
        },
      ),
    ).rejects.toThrow(/invalid params/)
    await expect(answerInputRequests([], {}, context())).rejects.toThrow(/not an object/)
  })

  it('abandons the other handlers when one fails, and passes the caller abort on', async () => {
    const seen: AbortSignal[] = []
    const handlers: InputHandlers = {
      onElicitation: (_params, { signal }) => {
        seen.push(signal)
        return new Promise(() => {})
      },
      onSampling: () => {
        throw new Error('no model')
      },
    }
    const request = {
      slow: { method: 'elicitation/create', params: { message: 'm', requestedSchema: formSchema } },
      failing: { method: 'sampling/createMessage', params: { messages: [], maxTokens: 1 } },
    }
    await expect(answerInputRequests(request, handlers, context())).rejects.toThrow('no model')
    expect(seen[0]!.aborted).toBe(true)

    const caller = new AbortController()
    const pending = answerInputRequests({ slow: request.slow }, handlers, {
      ...context(),
      signal: caller.signal,
    })
    caller.abort()
    expect(seen[1]!.aborted).toBe(true)
    void pending.catch(() => {})
  })
})
