/**
 * An abort controller made only when someone reads its signal.
 * @module
 */

/**
 * Like an `AbortController`, but the controller is created on the first read of `signal`:
 * an `AbortController` with a listener costs microseconds, more than the rest of a fast
 * stateless call, and most handlers never look at their signal. Aborting before anyone read
 * the signal is remembered, so a later read gets an aborted signal with the same reason.
 */
export class LazyAbort {
  #controller: AbortController | undefined
  #aborted = false
  #reason: unknown

  /** The signal; created (already aborted, if {@link LazyAbort.abort} came first) on first read. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController()
      if (this.#aborted) this.#controller.abort(this.#reason)
    }
    return this.#controller.signal
  }

  /** Whether {@link LazyAbort.abort} was called. */
  get aborted(): boolean {
    return this.#aborted
  }

  /** Aborts the signal (now, or as soon as it exists). Only the first call counts. */
  abort(reason: unknown): void {
    if (this.#aborted) return
    this.#aborted = true
    this.#reason = reason
    this.#controller?.abort(reason)
  }
}
