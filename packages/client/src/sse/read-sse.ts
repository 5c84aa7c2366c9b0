/**
 * Reads a `text/event-stream` body event by event, with eventsource-parser inside.
 * @module
 */
import { createParser } from 'eventsource-parser'

/** One server-sent event. */
export interface SseEvent {
  /** The event type; `message` when the server named none. */
  event: string
  /** The event's data, lines joined with `\n`; empty for a priming event. */
  data: string
  /** The event's id, when the server gave one. */
  id: string | undefined
}

/** Options for {@link readSse}. */
export interface ReadSseOptions {
  /** Called for every event, in order. A throw ends the read with reason `error`. */
  onEvent: (event: SseEvent) => void
  /** Called when the server sets the reconnection delay (`retry:` field), in milliseconds. */
  onRetry?: (milliseconds: number) => void
  /**
   * End the read with reason `idle` when no byte at all (event, comment or partial line) arrived
   * for this long. Servers send comments as keep-alives, so set it longer than their interval.
   * @default undefined (no idle timeout)
   */
  idleTimeout?: number
  /** Aborting it ends the read with reason `aborted`. */
  signal?: AbortSignal
}

/** Why a read ended. */
export type SseEndReason =
  /** The server closed the stream. */
  | 'end'
  /** Nothing arrived within `idleTimeout`. */
  | 'idle'
  /** The signal was aborted. */
  | 'aborted'
  /** The connection broke, or `onEvent` threw. */
  | 'error'

/** How a read ended. Reading never throws: a broken stream is a result, not an exception. */
export interface SseReadResult {
  reason: SseEndReason
  /** The id of the last event that carried one, for `Last-Event-ID`. */
  lastEventId: string | undefined
  /** The last `retry:` value the server sent, in milliseconds. */
  retry: number | undefined
  /** What broke the stream, for reason `error`. */
  error?: unknown
}

/**
 * Reads a server-sent event stream to its end.
 *
 * @example
 * ```ts
 * const result = await readSse(response.body, { onEvent: (event) => console.log(event.data) })
 * if (result.reason !== 'end') resumeFrom(result.lastEventId)
 * ```
 */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  options: ReadSseOptions,
): Promise<SseReadResult> {
  const { onEvent, onRetry, idleTimeout, signal } = options
  let lastEventId: string | undefined
  let retry: number | undefined
  let handlerError: { error: unknown } | undefined
  let stopped: 'idle' | 'aborted' | undefined

  const parser = createParser({
    onEvent(message) {
      if (handlerError !== undefined || stopped !== undefined) return
      if (message.id !== undefined) lastEventId = message.id
      try {
        onEvent({ event: message.event ?? 'message', data: message.data, id: message.id })
      } catch (error) {
        handlerError = { error }
      }
    },
    onRetry(milliseconds) {
      retry = milliseconds
      onRetry?.(milliseconds)
    },
    // Unknown fields and bad `retry` values are ignored, as the EventSource standard says.
    onError() {},
  })

  const reader = body.getReader()
  const decoder = new TextDecoder()
  let timer: ReturnType<typeof setTimeout> | undefined
  const stop = (reason: 'idle' | 'aborted') => {
    stopped ??= reason
    // Cancelling makes the pending read() settle, which ends the loop below.
    reader.cancel().catch(() => {})
  }
  const armIdleTimer = () => {
    if (idleTimeout === undefined) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      stop('idle')
    }, idleTimeout)
  }
  const onAbort = () => {
    stop('aborted')
  }

  const result = (reason: SseEndReason, error?: unknown): SseReadResult =>
    error === undefined ? { reason, lastEventId, retry } : { reason, lastEventId, retry, error }

  if (signal?.aborted) {
    reader.cancel().catch(() => {})
    return result('aborted')
  }
  signal?.addEventListener('abort', onAbort, { once: true })
  armIdleTimer()
  try {
    for (;;) {
      const chunk = await reader.read()
      if (stopped !== undefined) return result(stopped)
      if (chunk.done) {
        parser.feed(decoder.decode())
        // An unterminated last event is dropped, as EventSource does.
        return result('end')
      }
      armIdleTimer()
      parser.feed(decoder.decode(chunk.value, { stream: true }))
      if (handlerError !== undefined) {
        reader.cancel().catch(() => {})
        return result('error', handlerError.error)
      }
    }
  } catch (error) {
    return stopped === undefined ? result('error', error) : result(stopped)
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}
