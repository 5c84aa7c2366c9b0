/**
 * Telling a 2026-07-28 result's kind from its `resultType`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#resulttype
 * @module
 */
import { isJsonObject } from '../../jsonrpc/inspect.js'
import type { InputRequiredResult } from './mrtr.js'

/**
 * The `resultType` of a result, reading an absent one as `"complete"`, as a client MUST for
 * results from servers of earlier revisions. A value the client does not recognize (neither the
 * core ones nor one an advertised extension adds) MUST be treated as invalid by the caller.
 *
 * @example
 * ```ts
 * resultTypeOf({ content: [] }) // 'complete'
 * resultTypeOf({ resultType: 'input_required', requestState: 'abc' }) // 'input_required'
 * ```
 */
export function resultTypeOf(result: unknown): string | undefined {
  if (!isJsonObject(result)) return undefined
  const { resultType } = result
  if (resultType === undefined) return 'complete'
  return typeof resultType === 'string' ? resultType : undefined
}

/**
 * Whether a result asks the client for more input before it retries the request.
 *
 * @example
 * ```ts
 * if (isInputRequiredResult(result)) {
 *   // answer result.inputRequests, then retry with inputResponses and result.requestState
 * }
 * ```
 */
export function isInputRequiredResult(result: unknown): result is InputRequiredResult {
  return resultTypeOf(result) === 'input_required'
}
