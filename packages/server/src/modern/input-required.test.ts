import { ErrorCode, McpError, v2026_07_28 } from '@mcp-sse/protocol'
import { describe, expect, it } from 'vitest'
import { runAttempt, type AttemptOutcome } from './input-required.js'
import { InputRequiredSignal, InputRound, collectAnswers } from './input-round.js'
import { RequestStateCodec } from './request-state.js'

const codec = new RequestStateCodec({ keys: ['k'.repeat(32)] })
const ALL = { elicitation: {}, sampling: {}, roots: {} }

const askName = {
  message: 'What is your name?',
  requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
}
const askColor = {
  message: 'Favourite colour?',
  requestedSchema: { type: 'object', properties: { color: { type: 'string' } } },
}
const greeting = {
  messages: [{ role: 'user', content: { type: 'text', text: 'Say hi' } }],
  maxTokens: 50,
}
const samplingAnswer = {
  role: 'assistant',
  content: { type: 'text', text: 'Hi!' },
  model: 'test-model',
  stopReason: 'endTurn',
}

type Handler = (round: InputRound) => Promise<string>

/** One attempt, as the dispatcher makes it, with the request's params. */
function attempt(
  handler: Handler,
  params: Record<string, unknown>,
  options: { method?: string; capabilities?: Record<string, unknown>; identity?: string } = {},
): Promise<AttemptOutcome<string>> {
  return runAttempt(
    {
      binding: { method: options.method ?? 'tools/call', params, identity: options.identity },
      clientCapabilities: options.capabilities ?? ALL,
      codec,
    },
    handler,
  )
}

function inputRequired(outcome: AttemptOutcome<string>) {
  if (outcome.type !== 'input_required') throw new Error(`complete: ${outcome.result}`)
  // Every interim result the server builds is a valid 2026-07-28 InputRequiredResult.
  v2026_07_28.InputRequiredResultSchema.parse(outcome.result)
  return outcome.result
}

const params = { name: 'greet', arguments: {} }

describe('runAttempt', () => {
  it('answers input_required for an elicitation without an answer, then completes on the retry', async () => {
    const handler: Handler = async (round) => {
      const answer = await round.request<{ content: { name: string } }>(
        'elicitation/create',
        askName,
        {
          key: 'user_name',
        },
      )
      return `Hello, ${answer.content.name}!`
    }
    const first = inputRequired(await attempt(handler, params))
    expect(first.inputRequests).toEqual({
      user_name: { method: 'elicitation/create', params: askName },
    })
    const retry = await attempt(handler, {
      ...params,
      inputResponses: { user_name: { action: 'accept', content: { name: 'Alice' } } },
      requestState: first.requestState,
    })
    expect(retry).toEqual({ type: 'complete', result: 'Hello, Alice!' })
  })

  it('keys calls by method and call order when the handler names no key', async () => {
    const handler: Handler = async (round) => {
      await round.request('elicitation/create', askName)
      await round.request('sampling/createMessage', greeting)
      return 'done'
    }
    const first = inputRequired(await attempt(handler, params))
    expect(Object.keys(first.inputRequests)).toEqual(['elicitation/create#1'])
    const second = inputRequired(
      await attempt(handler, {
        ...params,
        inputResponses: { 'elicitation/create#1': { action: 'accept', content: { name: 'A' } } },
        requestState: first.requestState,
      }),
    )
    expect(Object.keys(second.inputRequests)).toEqual(['sampling/createMessage#2'])
  })

  it('sends calls started together in one round trip', async () => {
    const handler: Handler = async (round) => {
      const [name, hello, roots] = await Promise.all([
        round.request<{ content: { name: string } }>('elicitation/create', askName, {
          key: 'user_name',
        }),
        round.request<{ content: { text: string } }>('sampling/createMessage', greeting, {
          key: 'greeting',
        }),
        round.request<{ roots: unknown[] }>('roots/list', undefined, { key: 'client_roots' }),
      ])
      return `${hello.content.text} ${name.content.name} (${String(roots.roots.length)} roots)`
    }
    const first = inputRequired(await attempt(handler, params))
    expect(first.inputRequests).toEqual({
      user_name: { method: 'elicitation/create', params: askName },
      greeting: { method: 'sampling/createMessage', params: greeting },
      client_roots: { method: 'roots/list', params: {} },
    })
    const done = await attempt(handler, {
      ...params,
      inputResponses: {
        user_name: { action: 'accept', content: { name: 'Alice' } },
        greeting: samplingAnswer,
        client_roots: { roots: [{ uri: 'file:///r', name: 'r' }] },
      },
      requestState: first.requestState,
    })
    expect(done).toEqual({ type: 'complete', result: 'Hi! Alice (1 roots)' })
  })

  it('carries earlier answers in the state across rounds, so each retry sends only the new one', async () => {
    let runs = 0
    const handler: Handler = async (round) => {
      runs += 1
      const name = await round.request<{ content: { name: string } }>(
        'elicitation/create',
        askName,
        {
          key: 'step1',
        },
      )
      const color = await round.request<{ content: { color: string } }>(
        'elicitation/create',
        askColor,
        { key: 'step2' },
      )
      return `${name.content.name} likes ${color.content.color}`
    }
    const round1 = inputRequired(await attempt(handler, params))
    const round2 = inputRequired(
      await attempt(handler, {
        ...params,
        inputResponses: { step1: { action: 'accept', content: { name: 'Alice' } } },
        requestState: round1.requestState,
      }),
    )
    expect(Object.keys(round2.inputRequests)).toEqual(['step2'])
    expect(round2.requestState).not.toBe(round1.requestState)
    const round3 = await attempt(handler, {
      ...params,
      inputResponses: { step2: { action: 'accept', content: { color: 'blue' } } },
      requestState: round2.requestState,
    })
    expect(round3).toEqual({ type: 'complete', result: 'Alice likes blue' })
    expect(runs).toBe(3)
  })

  it('keeps the answer the state carries when a retry sends another one for the same key', async () => {
    const handler: Handler = async (round) => {
      const a = await round.request<{ action: string }>('elicitation/create', askName, { key: 'a' })
      await round.request('elicitation/create', askColor, { key: 'b' })
      return a.action
    }
    const round1 = inputRequired(await attempt(handler, params))
    const round2 = inputRequired(
      await attempt(handler, {
        ...params,
        inputResponses: { a: { action: 'decline' } },
        requestState: round1.requestState,
      }),
    )
    const done = await attempt(handler, {
      ...params,
      inputResponses: { a: { action: 'accept', content: {} }, b: { action: 'cancel' } },
      requestState: round2.requestState,
    })
    expect(done).toEqual({ type: 'complete', result: 'decline' })
  })

  it('asks again when the retry lacks the answer, and ignores keys it never asked for', async () => {
    const handler: Handler = async (round) => {
      await round.request('elicitation/create', askName, { key: 'user_name' })
      return 'done'
    }
    const again = inputRequired(
      await attempt(handler, {
        ...params,
        inputResponses: { wrong_key: { action: 'accept', content: { data: 'x' } } },
      }),
    )
    expect(Object.keys(again.inputRequests)).toEqual(['user_name'])
    const done = await attempt(handler, {
      ...params,
      inputResponses: {
        user_name: { action: 'accept', content: { name: 'A' } },
        unknown_extra_key: { action: 'accept', content: { foo: 'bar' } },
      },
    })
    expect(done.type).toBe('complete')
  })

  it('rejects a malformed answer with -32602 naming the key', async () => {
    const handler: Handler = async (round) => {
      await round.request('elicitation/create', askName, { key: 'user_name' })
      return 'done'
    }
    const failure = attempt(handler, { ...params, inputResponses: { user_name: 12345 } })
    await expect(failure).rejects.toMatchObject({ code: ErrorCode.InvalidParams })
    await expect(failure).rejects.toThrow(/inputResponses\["user_name"\]/)

    const first = inputRequired(await attempt(handler, params))
    // With a state the answer is checked before the handler runs.
    let ran = false
    const checked = attempt(
      async (round) => {
        ran = true
        return handler(round)
      },
      {
        ...params,
        inputResponses: { user_name: { action: 'maybe' } },
        requestState: first.requestState,
      },
    )
    await expect(checked).rejects.toMatchObject({ code: ErrorCode.InvalidParams })
    expect(ran).toBe(false)
  })

  it('rejects a tampered or replayed state before the handler runs', async () => {
    const handler: Handler = async (round) => {
      await round.request('elicitation/create', askName, { key: 'user_name' })
      return 'done'
    }
    const first = inputRequired(await attempt(handler, params, { identity: 'alice' }))
    const answer = { user_name: { action: 'accept', content: { name: 'A' } } }
    await expect(
      attempt(
        handler,
        { ...params, inputResponses: answer, requestState: `${first.requestState}x` },
        {
          identity: 'alice',
        },
      ),
    ).rejects.toMatchObject({ code: ErrorCode.InvalidParams, data: { reason: 'signature' } })
    await expect(
      attempt(
        handler,
        { name: 'other', arguments: {}, inputResponses: answer, requestState: first.requestState },
        { identity: 'alice' },
      ),
    ).rejects.toMatchObject({ data: { reason: 'params' } })
    await expect(
      attempt(
        handler,
        { ...params, inputResponses: answer, requestState: first.requestState },
        {
          identity: 'mallory',
        },
      ),
    ).rejects.toMatchObject({ data: { reason: 'identity' } })
  })

  it('answers -32021 naming the capability the request did not declare', async () => {
    const sample: Handler = async (round) => {
      await round.request('sampling/createMessage', greeting)
      return 'done'
    }
    await expect(
      attempt(sample, params, { capabilities: { elicitation: {} } }),
    ).rejects.toMatchObject({
      code: ErrorCode.MissingRequiredClientCapability,
      data: { requiredCapabilities: { sampling: {} } },
    })
    const url: Handler = async (round) => {
      await round.request('elicitation/create', {
        mode: 'url',
        message: 'Sign in',
        url: 'https://example.com/login',
      })
      return 'done'
    }
    await expect(attempt(url, params, { capabilities: { elicitation: {} } })).rejects.toMatchObject(
      {
        data: { requiredCapabilities: { elicitation: { url: {} } } },
      },
    )
    const roots: Handler = async (round) => {
      await round.request('roots/list', undefined)
      return 'done'
    }
    await expect(attempt(roots, params, { capabilities: {} })).rejects.toMatchObject({
      data: { requiredCapabilities: { roots: {} } },
    })
  })

  it('only asks for what the client declared when the handler checks first', async () => {
    const handler: Handler = async (round) => {
      // What a handler that respects ctx.session.clientCapabilities does.
      await round.request('sampling/createMessage', greeting, { key: 'only_sampling' })
      return 'done'
    }
    const result = inputRequired(await attempt(handler, params, { capabilities: { sampling: {} } }))
    expect(Object.values(result.inputRequests).map((entry) => entry.method)).toEqual([
      'sampling/createMessage',
    ])
  })

  it('answers input_required even when the handler swallows the signal', async () => {
    const handler: Handler = async (round) => {
      try {
        await round.request('elicitation/create', askName)
      } catch {
        return 'no input'
      }
      return 'input'
    }
    const outcome = await attempt(handler, params)
    expect(outcome.type).toBe('input_required')
  })

  it('refuses input calls on requests that cannot answer input_required', async () => {
    const handler: Handler = async (round) => {
      await round.request('elicitation/create', askName)
      return 'done'
    }
    await expect(attempt(handler, {}, { method: 'tools/list' })).rejects.toThrow(
      /only tools\/call, prompts\/get and resources\/read/,
    )
  })

  it('rejects a key used twice in one request', async () => {
    const handler: Handler = async (round) => {
      await Promise.all([
        round.request('elicitation/create', askName, { key: 'same' }),
        round.request('elicitation/create', askColor, { key: 'same' }),
      ])
      return 'done'
    }
    const outcome = await attempt(handler, params).catch((error: unknown) => error)
    // The first call is pending, so the request still asks for it; the bug shows on the retry.
    expect(outcome).toMatchObject({ type: 'input_required' })
    const first = inputRequired(outcome as AttemptOutcome<string>)
    await expect(
      attempt(handler, {
        ...params,
        inputResponses: { same: { action: 'accept', content: { name: 'x' } } },
        requestState: first.requestState,
      }),
    ).rejects.toThrow(/used twice/)
  })
})

describe('InputRound', () => {
  it('throws an McpError signal that names the call', async () => {
    const round = new InputRound('tools/call', ALL, collectAnswers(undefined, undefined))
    const error = await round.request('roots/list', undefined).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputRequiredSignal)
    expect(error).toBeInstanceOf(McpError)
    expect((error as InputRequiredSignal).key).toBe('roots/list#1')
    expect(round.needsInput).toBe(true)
  })

  it('records nothing once sealed', async () => {
    const round = new InputRound('tools/call', ALL, collectAnswers(undefined, undefined))
    round.seal()
    await expect(round.request('roots/list', undefined)).rejects.toBeInstanceOf(InputRequiredSignal)
    expect(round.needsInput).toBe(false)
  })

  it('rejects a request the handler built wrongly', async () => {
    const round = new InputRound('tools/call', ALL, collectAnswers(undefined, undefined))
    await expect(round.request('sampling/createMessage', { maxTokens: 5 })).rejects.toMatchObject({
      code: ErrorCode.InternalError,
    })
    await expect(round.request('ping', {})).rejects.toThrow(/Not a request a server can make/)
  })
})
