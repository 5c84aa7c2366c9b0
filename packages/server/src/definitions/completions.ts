/**
 * Completion functions for prompt arguments and resource template variables.
 * @module
 */
import type { CompleteResult } from '../types.js'

/** What a completion function knows besides the partial value. */
export interface CompletionContext {
  /** Values of the other arguments (or variables) the client already filled in. */
  arguments: Record<string, string>
}

/**
 * Completes one argument: returns candidate values for the partial `value`, most relevant first.
 * Return a plain list, or `{ values, total, hasMore }` when there are more than you return.
 *
 * @example
 * ```ts
 * const complete = { city: (value: string) => cities.filter((city) => city.startsWith(value)) }
 * ```
 */
export type Completer = (
  value: string,
  context: CompletionContext,
) => string[] | CompleteResult['completion'] | Promise<string[] | CompleteResult['completion']>

/** The spec allows at most 100 values per answer. */
export const MAX_COMPLETION_VALUES = 100

/** Runs a completer and shapes its answer as a `CompleteResult`. */
export async function runCompleter(
  completer: Completer | undefined,
  value: string,
  context: CompletionContext,
): Promise<CompleteResult> {
  if (completer === undefined) return { completion: { values: [] } }
  const answer = await completer(value, context)
  const completion = Array.isArray(answer) ? { values: answer } : answer
  if (completion.values.length <= MAX_COMPLETION_VALUES) return { completion }
  return {
    completion: {
      values: completion.values.slice(0, MAX_COMPLETION_VALUES),
      total: completion.total ?? completion.values.length,
      hasMore: true,
    },
  }
}
