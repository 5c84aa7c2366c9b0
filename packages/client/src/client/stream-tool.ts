/**
 * A tool call consumed as an async iterator of events.
 * @module
 */
import type { RequestId } from '@mcp-sse/protocol'
import type { RequestFollowers } from './notifications.js'
import type {
  CallToolOptions,
  CallToolResult,
  LoggingMessageNotificationParams,
  ToolEvent,
} from './types.js'

type Call = (options: CallToolOptions, onSent: (id: RequestId) => void) => Promise<CallToolResult>

/**
 * Runs the call and yields its progress, its log messages and any other notification that came
 * on its stream, then `{ type: 'result' }`. Leaving the loop early cancels the call; a failed call
 * throws from the loop.
 */
export async function* streamToolCall(
  call: Call,
  followers: RequestFollowers,
  options: CallToolOptions,
): AsyncGenerator<ToolEvent> {
  const queue: ToolEvent[] = []
  let wake: (() => void) | undefined
  const push = (event: ToolEvent) => {
    queue.push(event)
    wake?.()
  }
  const abandon = new AbortController()
  const signal =
    options.signal === undefined
      ? abandon.signal
      : AbortSignal.any([options.signal, abandon.signal])
  const unfollow: (() => void)[] = []
  let outcome: { result: CallToolResult } | { error: unknown } | undefined

  const running = call(
    {
      ...options,
      signal,
      onProgress: (progress) => {
        options.onProgress?.(progress)
        push({ type: 'progress', ...progress })
      },
    },
    // Each attempt (a retry after a lost session gets a new id) is followed.
    (id) => {
      unfollow.push(
        followers.follow(id, (method, params) => {
          if (method === 'notifications/progress') return
          if (method === 'notifications/message') {
            push({ type: 'log', ...(params as LoggingMessageNotificationParams) })
          } else {
            push({ type: 'partial', method, params })
          }
        }),
      )
    },
  ).then(
    (result) => {
      outcome = { result }
      wake?.()
    },
    (error: unknown) => {
      outcome = { error }
      wake?.()
    },
  )

  try {
    for (;;) {
      const event = queue.shift()
      if (event !== undefined) {
        yield event
        continue
      }
      if (outcome !== undefined) break
      await new Promise<void>((resolve) => (wake = resolve))
      wake = undefined
    }
    await running
    if ('error' in outcome) throw outcome.error
    yield { type: 'result', result: outcome.result }
  } finally {
    for (const stop of unfollow) stop()
    if (outcome === undefined) abandon.abort()
  }
}
