/**
 * The local errors of the peer engine that more than one place raises, so each is worded once.
 * @module
 */
import { LocalError } from '../errors/local-error.js'

function because(reason: string | undefined): string {
  return reason === undefined ? '' : ` (${reason})`
}

/** A request or handler cut off by `close()`, or a request made after it. */
export function closedError(method: string, reason: string | undefined): LocalError {
  return new LocalError('closed', `Connection closed${because(reason)}: ${method}`, { method })
}

/** An outgoing request whose caller's signal aborted. */
export function abortedError(method: string, signal: AbortSignal): LocalError {
  return new LocalError('aborted', `Request aborted: ${method}`, { method, cause: signal.reason })
}

/** What a handler's signal aborts with when the peer or the transport cancels its request. */
export function cancelledError(method: string, reason: string | undefined): LocalError {
  return new LocalError('aborted', `Request cancelled${because(reason)}: ${method}`, { method })
}
