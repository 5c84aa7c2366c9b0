/**
 * How the same handler code that calls `ctx.elicit()`, `ctx.sample()` or `ctx.roots()` answers a
 * 2026-07-28 request, where the server may not send requests of its own.
 *
 * Each attempt at a request runs the handler **from the top** with an {@link InputRound}. A call
 * whose answer the client already sent returns it; a call without one is recorded and throws an
 * {@link InputRequiredSignal}, and the dispatcher answers `input_required` with every call
 * recorded in that run plus a signed `requestState` carrying the answers used so far. The
 * client retries with `inputResponses`; the handler runs again and gets further.
 *
 * - **Keys.** Each call has a key: `options.key` when the handler names one, else the method
 *   and the call's position in the run (`elicitation/create#1`, `sampling/createMessage#2`).
 *   Handlers must therefore be deterministic up to their last input call: do side effects after
 *   it.
 * - **Several calls.** Calls made before the handler settles go out together: calls started at
 *   once (`Promise.all([ctx.elicit(a), ctx.sample(b)])`) are one round trip, calls awaited one
 *   after the other take one round trip each.
 * - **Answers** are validated with the schema of their method (`-32602` when malformed). Keys the
 *   server did not ask for are ignored; a missing answer is asked for again.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
 * @module
 */
import { ErrorCode, McpError } from '@mcp-sse/protocol'
import { InputRound, collectAnswers, type InputRequestMethod } from './input-round.js'
import type {
  RequestStateBinding,
  RequestStateCodec,
  VerifiedRequestState,
} from './request-state.js'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The interim result of an attempt that needs more input. */
export interface InputRequiredAnswer {
  resultType: 'input_required'
  inputRequests: Record<string, { method: InputRequestMethod; params: Record<string, unknown> }>
  requestState: string
}

/**
 * Builds the `input_required` result of a run that needs input: its pending calls as
 * `inputRequests`, and a new state carrying the answers it used, bound to the request.
 */
export async function inputRequiredResult(
  round: InputRound,
  codec: RequestStateCodec,
  binding: RequestStateBinding,
): Promise<InputRequiredAnswer> {
  const inputRequests: InputRequiredAnswer['inputRequests'] = {}
  const pending: Record<string, string> = {}
  for (const [key, input] of round.pending) {
    inputRequests[key] = { method: input.method, params: input.params }
    pending[key] = input.method
  }
  const requestState = await codec.sign(binding, {
    answers: { ...round.used },
    pending,
    round: round.round + 1,
  })
  return { resultType: 'input_required', inputRequests, requestState }
}

/** What {@link runAttempt} needs to know about the request. */
export interface AttemptOptions {
  /** Binds the state: the request's method, params and principal. */
  binding: RequestStateBinding
  /** The client capabilities declared on this request. */
  clientCapabilities: Record<string, unknown>
  /** Signs and verifies states. */
  codec: RequestStateCodec
}

/** The outcome of one attempt at a request. */
export type AttemptOutcome<Result> =
  { type: 'complete'; result: Result } | { type: 'input_required'; result: InputRequiredAnswer }

/**
 * Runs one attempt at a request: verifies the `requestState` it echoes (if any), gathers the
 * answers, runs the handler with a fresh {@link InputRound}, and turns a run that made input
 * calls without answers into an `input_required` result, whatever the handler did with the
 * signal.
 *
 * @throws McpError `-32602` for a rejected state or a malformed answer, and whatever the
 *   handler threw when it needed no input.
 */
export async function runAttempt<Result>(
  options: AttemptOptions,
  run: (round: InputRound) => Promise<Result>,
): Promise<AttemptOutcome<Result>> {
  const params = isRecord(options.binding.params) ? options.binding.params : {}
  let state: VerifiedRequestState | undefined
  if (params.requestState !== undefined) {
    const checked = await options.codec.verify(params.requestState, options.binding)
    if (!checked.ok) throw checked.error
    state = checked.state
  }
  const round = new InputRound(
    options.binding.method,
    options.clientCapabilities,
    collectAnswers(state, params.inputResponses),
  )
  let result: Result
  try {
    result = await run(round)
  } catch (error) {
    round.seal()
    // A missing capability blocks every later round too: report it now rather than after the
    // client answered the other requests.
    const capabilityError =
      error instanceof McpError && error.code === ErrorCode.MissingRequiredClientCapability
    if (!round.needsInput || capabilityError) throw error
    return {
      type: 'input_required',
      result: await inputRequiredResult(round, options.codec, options.binding),
    }
  }
  round.seal()
  if (round.needsInput) {
    return {
      type: 'input_required',
      result: await inputRequiredResult(round, options.codec, options.binding),
    }
  }
  return { type: 'complete', result }
}
