/**
 * Builds a revision's method table and its message unions from one list per direction, so the
 * two cannot disagree: each request is written once, next to its result, and each notification
 * once.
 *
 * @example
 * ```ts
 * const clientRequests = [
 *   [PingRequestSchema, EmptyResultSchema],
 *   [CallToolRequestSchema, CallToolResultSchema, CreateTaskResultSchema],
 * ] as const
 * export const ClientRequestSchema = z.discriminatedUnion('method', requestsOf(clientRequests))
 * export const methods = { clientRequests: requestTable(clientRequests), ... }
 * ```
 * @module
 */
import type { ZodType } from 'zod'
import type * as zc from 'zod/v4/core'
import type { RequestMethodSchemas } from './revision.js'

/** A request or notification definition: an object schema with a literal `method` and `params`. */
export type MessageDefinition = zc.$ZodTypeDiscriminable & {
  readonly shape: { readonly method: { readonly value: string }; readonly params: ZodType }
}

/**
 * A request definition, the result it answers with and, for a request that can run as a task,
 * the result it answers with then (`CreateTaskResult`).
 */
export type RequestDefinitionPair =
  | readonly [request: MessageDefinition, result: ZodType]
  | readonly [request: MessageDefinition, result: ZodType, taskResult: ZodType]

type MethodOf<Definition extends MessageDefinition> = Definition['shape']['method']['value']
type ParamsOf<Definition extends MessageDefinition> = Definition['shape']['params']

type RequestEntry<Pair extends RequestDefinitionPair> = Pair extends readonly [
  infer Request extends MessageDefinition,
  infer Result extends ZodType,
  infer TaskResult extends ZodType,
]
  ? { params: ParamsOf<Request>; result: Result; taskResult: TaskResult }
  : { params: ParamsOf<Pair[0]>; result: Pair[1] }

/** The method table entries of a list of requests, keyed by method. */
export type RequestTable<Pairs extends readonly RequestDefinitionPair[]> = {
  [Pair in Pairs[number] as MethodOf<Pair[0]>]: RequestEntry<Pair>
}

/** The method table entries of a list of notifications: method -> params schema. */
export type NotificationTable<Definitions extends readonly MessageDefinition[]> = {
  [Definition in Definitions[number] as MethodOf<Definition>]: ParamsOf<Definition>
}

/** The request definitions of a list of pairs, in order: the members of its union. */
export function requestsOf<const Pairs extends readonly RequestDefinitionPair[]>(
  pairs: Pairs,
): { [Index in keyof Pairs]: Pairs[Index][0] } {
  return pairs.map(([request]) => request) as { [Index in keyof Pairs]: Pairs[Index][0] }
}

/** The result schemas of a list of pairs, in order. */
export function resultsOf<const Pairs extends readonly RequestDefinitionPair[]>(
  pairs: Pairs,
): { [Index in keyof Pairs]: Pairs[Index][1] } {
  return pairs.map(([, result]) => result) as { [Index in keyof Pairs]: Pairs[Index][1] }
}

/**
 * The method table entries of a list of requests: for each method, its params schema (taken from
 * the request definition itself), its result schema and, where given, its task result schema.
 */
export function requestTable<const Pairs extends readonly RequestDefinitionPair[]>(
  pairs: Pairs,
): RequestTable<Pairs> {
  const table: Record<string, RequestMethodSchemas> = {}
  for (const [request, result, taskResult] of pairs) {
    const { method, params } = request.shape
    table[method.value] =
      taskResult === undefined ? { params, result } : { params, result, taskResult }
  }
  return table as RequestTable<Pairs>
}

/** The method table entries of a list of notifications: for each method, its params schema. */
export function notificationTable<const Definitions extends readonly MessageDefinition[]>(
  definitions: Definitions,
): NotificationTable<Definitions> {
  const table: Record<string, ZodType> = {}
  for (const { shape } of definitions) table[shape.method.value] = shape.params
  return table as NotificationTable<Definitions>
}
