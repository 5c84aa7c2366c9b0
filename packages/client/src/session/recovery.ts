/**
 * What is safe to send again after a session was lost.
 * @module
 */
import { LocalError } from '@mcp-sse/protocol'
import { isUnprocessed } from '../http/errors.js'

/** Methods that read and change nothing: repeating them cannot do harm. */
const SAFE_METHODS = new Set([
  'ping',
  'tools/list',
  'prompts/list',
  'prompts/get',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'resources/subscribe',
  'resources/unsubscribe',
  'completion/complete',
  'logging/setLevel',
])

/** Whether a request with this method is safe to send twice. */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method)
}

/**
 * Whether a failed request may be sent again once the session is back: the server never ran it,
 * or running it twice is harmless, and the failure was the connection's, not the server's
 * answer.
 */
export function isRetryable(error: unknown, idempotent: boolean): boolean {
  if (!(error instanceof LocalError)) return false
  if (isUnprocessed(error)) return true
  return idempotent && (error.type === 'network' || error.type === 'http')
}
