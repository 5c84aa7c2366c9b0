/**
 * One run of a handler for one attempt at a 2026-07-28 request: input calls answered from what
 * the client sent, or recorded for the `input_required` result. See `input-required.ts` for the
 * whole mechanism.
 * @module
 */
import { ErrorCode, McpError, modernInputRequestMethods, toErrorResponse } from '@mcp-sse/protocol'
import type { VerifiedRequestState } from './request-state.js'

/** The requests that may answer `input_required` (no other may). */
export const INPUT_REQUIRED_METHODS: ReadonlySet<string> = new Set([
  'tools/call',
  'prompts/get',
  'resources/read',
])

/** A request a handler can make of the client. */
export type InputRequestMethod = keyof typeof modernInputRequestMethods

/** Options of one input call. */
export interface InputRequestOptions {
  /**
   * The key of this request in `inputRequests` and `inputResponses`, unique within the request.
   * @default `<method>#<position of the call in the run>`
   */
  key?: string
}

/** One input request the client has not answered yet. */
export interface PendingInput {
  method: InputRequestMethod
  params: Record<string, unknown>
}

/**
 * Thrown by an input call that has no answer yet. It is an `McpError`, so tool wrappers that turn
 * other errors into tool results let it through; a handler that catches it anyway changes
 * nothing: the request still answers `input_required`.
 */
export class InputRequiredSignal extends McpError {
  /** The key of the call that threw. */
  readonly key: string

  constructor(key: string, method: string) {
    super(ErrorCode.InternalError, `Input required from the client: ${method} (key ${key})`)
    this.key = key
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isInputMethod(method: string): method is InputRequestMethod {
  return Object.hasOwn(modernInputRequestMethods, method)
}

/**
 * -32021, with the capabilities the request lacks as a `ClientCapabilities` object. Worded for
 * both eras: a 2025 client declares capabilities in `initialize`, a 2026 one in each request.
 */
export function missingCapabilityError(required: Record<string, unknown>, what: string): McpError {
  return new McpError(
    ErrorCode.MissingRequiredClientCapability,
    `Missing required client capability: the client did not declare the ${what} capability, so the server cannot ask it for that`,
    { data: { requiredCapabilities: required } },
  )
}

/** The capability an input request needs, or `undefined` when the client declared it. */
function missingFor(
  method: InputRequestMethod,
  params: Record<string, unknown>,
  capabilities: Record<string, unknown>,
): McpError | undefined {
  if (method === 'elicitation/create') {
    const elicitation = capabilities.elicitation
    const url = params.mode === 'url'
    if (!isRecord(elicitation)) {
      return missingCapabilityError(
        url ? { elicitation: { url: {} } } : { elicitation: {} },
        'elicitation',
      )
    }
    // An empty elicitation capability means form mode only.
    const declared = url
      ? elicitation.url !== undefined
      : elicitation.form !== undefined || elicitation.url === undefined
    if (!declared) {
      const mode = url ? 'url' : 'form'
      return missingCapabilityError({ elicitation: { [mode]: {} } }, `elicitation (${mode} mode)`)
    }
    return undefined
  }
  if (method === 'sampling/createMessage') {
    const sampling = capabilities.sampling
    if (!isRecord(sampling)) return missingCapabilityError({ sampling: {} }, 'sampling')
    if (params.tools !== undefined && sampling.tools === undefined) {
      return missingCapabilityError({ sampling: { tools: {} } }, 'sampling.tools')
    }
    return undefined
  }
  return isRecord(capabilities.roots) ? undefined : missingCapabilityError({ roots: {} }, 'roots')
}

function invalidAnswer(key: string, method: string, error: unknown): McpError {
  const detail = toErrorResponse(undefined, error).error.message.replace(/^Invalid params: /, '')
  return new McpError(
    ErrorCode.InvalidParams,
    `Invalid params: inputResponses["${key}"] is not a valid ${method} result: ${detail}`,
    { data: { key } },
  )
}

/** Validates one answer with the result schema of its method. */
function parseAnswer(key: string, method: InputRequestMethod, answer: unknown): unknown {
  const parsed = modernInputRequestMethods[method].result.safeParse(answer)
  if (!parsed.success) throw invalidAnswer(key, method, parsed.error)
  return parsed.data
}

/** The answers a retry brings, once its `requestState` (if any) verified. */
export interface CollectedAnswers {
  /** Answers by key. */
  answers: Readonly<Record<string, unknown>>
  /** Keys whose answer was already validated (the others are validated when used). */
  validated: ReadonlySet<string>
  /** The round the state came from; 0 for a first attempt. */
  round: number
}

const NO_KEYS: ReadonlySet<string> = new Set()
const NO_ANSWERS: CollectedAnswers = Object.freeze({
  answers: Object.freeze({}),
  validated: NO_KEYS,
  round: 0,
})
const NO_PENDING: ReadonlyMap<string, PendingInput> = new Map()

/**
 * Gathers the answers of an attempt: those the state carries, and from `inputResponses` the
 * answers to the keys the state asked for, each validated with its method's schema. Without a
 * state (a first attempt, or a client answering without one) every `inputResponses` entry is
 * kept and validated when a call uses it. Extra keys are ignored.
 *
 * @throws McpError `-32602` for an answer that does not match its method's result.
 */
export function collectAnswers(
  state: VerifiedRequestState | undefined,
  inputResponses: unknown,
): CollectedAnswers {
  const responses = isRecord(inputResponses) ? inputResponses : {}
  if (state === undefined) {
    // A first attempt without answers (nearly every call) shares one empty value.
    if (inputResponses === undefined) return NO_ANSWERS
    return { answers: { ...responses }, validated: NO_KEYS, round: 0 }
  }
  const answers: Record<string, unknown> = { ...state.answers }
  const validated = new Set(Object.keys(state.answers))
  for (const [key, method] of Object.entries(state.pending)) {
    if (!Object.hasOwn(responses, key) || !isInputMethod(method)) continue
    answers[key] = parseAnswer(key, method, responses[key])
    validated.add(key)
  }
  return { answers, validated, round: state.round }
}

/**
 * One run of a handler for one attempt at a request: answers input calls from what the client
 * sent, records the others. Created by the dispatcher; handlers reach it through `ctx`.
 */
export class InputRound {
  readonly #requestMethod: string
  readonly #capabilities: Record<string, unknown>
  readonly #collected: CollectedAnswers
  // Made on the first input call: most runs make none.
  #pending: Map<string, PendingInput> | undefined
  #used: Record<string, unknown> | undefined
  #keys: Set<string> | undefined
  #calls = 0
  #sealed = false

  /**
   * @param requestMethod - the method of the request being answered (`tools/call`...).
   * @param clientCapabilities - the capabilities declared on this request.
   * @param collected - from {@link collectAnswers}.
   */
  constructor(
    requestMethod: string,
    clientCapabilities: Record<string, unknown>,
    collected: CollectedAnswers,
  ) {
    this.#requestMethod = requestMethod
    this.#capabilities = clientCapabilities
    this.#collected = collected
  }

  /** The calls of this run the client has not answered, in call order. */
  get pending(): ReadonlyMap<string, PendingInput> {
    return this.#pending ?? NO_PENDING
  }

  /** Whether the request must answer `input_required`. */
  get needsInput(): boolean {
    return this.#pending !== undefined && this.#pending.size > 0
  }

  /** The answers this run used, to carry into the next state. */
  get used(): Readonly<Record<string, unknown>> {
    return this.#used ?? NO_ANSWERS.answers
  }

  /** The round the answers came from (0 on a first attempt). */
  get round(): number {
    return this.#collected.round
  }

  /** Ends the run: later calls (from work the handler left running) record nothing. */
  seal(): void {
    this.#sealed = true
  }

  /**
   * An input call: resolves with the client's answer, or records the request and rejects with
   * an {@link InputRequiredSignal}.
   *
   * @throws McpError `-32021` when the request's client capabilities lack what the call needs;
   *   `-32602` for a malformed answer; `-32603` when the request method cannot ask for input.
   */
  // Async, but the call is recorded synchronously (before the first await), so calls started
  // together are all recorded before the first rejection reaches the handler.
  // eslint-disable-next-line @typescript-eslint/require-await
  async request<Result = unknown>(
    method: string,
    params: Record<string, unknown> | undefined,
    options: InputRequestOptions = {},
  ): Promise<Result> {
    return this.#answer(method, params ?? {}, options) as Result
  }

  #answer(method: string, params: Record<string, unknown>, options: InputRequestOptions): unknown {
    if (!INPUT_REQUIRED_METHODS.has(this.#requestMethod)) {
      throw new McpError(
        ErrorCode.InternalError,
        `A ${this.#requestMethod} handler cannot ask the client for ${method} in protocol 2026-07-28: only tools/call, prompts/get and resources/read can`,
      )
    }
    if (!isInputMethod(method)) {
      throw new McpError(
        ErrorCode.InternalError,
        `Not a request a server can make of a client: ${method}`,
      )
    }
    const checked = modernInputRequestMethods[method].params.safeParse(params)
    if (!checked.success) {
      throw new McpError(
        ErrorCode.InternalError,
        `The handler's ${method} request is invalid: ${toErrorResponse(undefined, checked.error).error.message}`,
      )
    }
    const missing = missingFor(method, params, this.#capabilities)
    if (missing !== undefined) throw missing
    this.#calls += 1
    const key = options.key ?? `${method}#${String(this.#calls)}`
    const keys = (this.#keys ??= new Set())
    if (keys.has(key)) {
      throw new McpError(
        ErrorCode.InternalError,
        `Input request key used twice in one request: ${key}`,
      )
    }
    keys.add(key)
    if (!this.#sealed && Object.hasOwn(this.#collected.answers, key)) {
      let answer = this.#collected.answers[key]
      if (!this.#collected.validated.has(key)) answer = parseAnswer(key, method, answer)
      ;(this.#used ??= {})[key] = answer
      return answer
    }
    if (!this.#sealed) (this.#pending ??= new Map()).set(key, { method, params })
    throw new InputRequiredSignal(key, method)
  }
}
