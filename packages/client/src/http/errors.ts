/**
 * Turns HTTP failures into a `LocalError` whose message says what failed.
 * @module
 */
import { LocalError } from '@mcp-sse/protocol'

/** What a failed HTTP exchange was about, for the error message. */
export interface HttpFailureContext {
  /** The HTTP method. */
  method: string
  /** The URL that was requested. */
  url: string
  /** The JSON-RPC method the request carried, if any. */
  rpcMethod?: string | undefined
}

/** `POST http://host/mcp (tools/call)`: the request as an error message names it. */
export function describeRequest(context: HttpFailureContext): string {
  const base = `${context.method} ${context.url}`
  return context.rpcMethod === undefined ? base : `${base} (${context.rpcMethod})`
}

const MAX_DETAIL = 200

// Errors for which the server certainly did not run the request: it refused the session, or the
// connection was refused before the request reached it.
const unprocessed = new WeakSet<Error>()

/** Marks an error as one for which the server did not run the request. */
export function markUnprocessed<E extends Error>(error: E): E {
  unprocessed.add(error)
  return error
}

/** Whether the server certainly did not run the request that failed with `error`. */
export function isUnprocessed(error: unknown): boolean {
  return error instanceof Error && unprocessed.has(error)
}

/**
 * Whether an error status means the server no longer knows the session: `404` as the spec says,
 * or `400` with a body about the session, which is what the official SDK's examples answer.
 */
export function isSessionGone(status: number, detail: string): boolean {
  return status === 404 || (status === 400 && /session/i.test(detail))
}

/**
 * The error for a response with an error status. Its message includes what the body says: the
 * JSON-RPC error message if the body is one, else the start of the text. Consumes the body.
 */
export async function httpStatusError(
  response: Response,
  context: HttpFailureContext,
): Promise<LocalError> {
  return httpStatusErrorWithDetail(response, await readDetail(response), context)
}

/** Like {@link httpStatusError}, for a body already read with {@link readDetail}. */
export function httpStatusErrorWithDetail(
  response: Response,
  detail: string,
  context: HttpFailureContext,
): LocalError {
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
  const message = `${context.method} ${context.url} failed with ${status}${
    context.rpcMethod === undefined ? '' : ` (${context.rpcMethod})`
  }${detail === '' ? '' : `: ${detail}`}`
  return new LocalError('http', message, {
    method: context.rpcMethod,
    url: context.url,
    status: response.status,
  })
}

/** What an error response's body says, shortened. Consumes the body. */
export async function readDetail(response: Response): Promise<string> {
  let text: string
  try {
    text = (await response.text()).trim()
  } catch {
    return ''
  }
  try {
    const parsed: unknown = JSON.parse(text)
    const error = (parsed as { error?: { message?: unknown } } | null)?.error
    if (typeof error?.message === 'string') text = error.message
  } catch {
    // Not JSON: the text itself is the detail.
  }
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text
}

/** The error for a request that got no response: refused, reset, timed out or aborted. */
export function transportError(
  error: unknown,
  context: HttpFailureContext,
  timeout: number | false,
): LocalError {
  if (error instanceof LocalError) return error
  const what = describeRequest(context)
  const options = { method: context.rpcMethod, url: context.url, cause: error }
  const name = error instanceof Error ? error.name : ''
  if (name === 'TimeoutError') {
    return new LocalError('timeout', `${what} timed out after ${String(timeout)} ms`, options)
  }
  if (name === 'AbortError') return new LocalError('aborted', `${what} was aborted`, options)
  const failure = new LocalError('network', `${what} failed: ${networkReason(error)}`, options)
  return isConnectionRefused(error) ? markUnprocessed(failure) : failure
}

/** The most specific reason a runtime gives for a failed fetch. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause
  const code = typeof cause?.code === 'string' ? cause.code : undefined
  const message = error instanceof Error ? error.message : String(error)
  return code === undefined ? message : `${message} (${code})`
}

/**
 * Whether the connection was refused, so the request never reached the server and repeating it
 * cannot run anything twice. Only runtimes that say so are trusted (Node, Bun, Deno).
 */
export function isConnectionRefused(error: unknown): boolean {
  for (let current = error, depth = 0; current != null && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code
    if (code === 'ECONNREFUSED' || code === 'ConnectionRefused') return true
    const message = current instanceof Error ? current.message : ''
    if (/connection refused|ECONNREFUSED/i.test(message)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
