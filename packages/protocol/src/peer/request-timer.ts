/**
 * The two clocks of an outgoing request: the timeout, which progress may restart, and the cap on
 * the total time, which nothing restarts.
 * @module
 */

/** Which clock ran out. */
export type TimerExpiry = 'timeout' | 'maxTotalTimeout'

// setTimeout fires at once for delays beyond a signed 32-bit integer, so such a delay means "never".
const MAX_DELAY = 2 ** 31 - 1

function schedule(ms: number | undefined, callback: () => void) {
  if (ms === undefined || !(ms <= MAX_DELAY)) return undefined
  return setTimeout(callback, Math.max(0, ms))
}

/** Runs the timeout and the total-time cap of one request. */
export class RequestTimer {
  readonly #timeout: number
  readonly #onExpire: (expiry: TimerExpiry) => void
  #timer: ReturnType<typeof setTimeout> | undefined
  #totalTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    timeout: number,
    maxTotalTimeout: number | undefined,
    onExpire: (expiry: TimerExpiry) => void,
  ) {
    this.#timeout = timeout
    this.#onExpire = onExpire
    this.#timer = schedule(timeout, () => {
      this.#expire('timeout')
    })
    this.#totalTimer = schedule(maxTotalTimeout, () => {
      this.#expire('maxTotalTimeout')
    })
  }

  /** Starts the timeout over, as when progress shows the peer is working. */
  reset(): void {
    if (this.#timer === undefined) return
    clearTimeout(this.#timer)
    this.#timer = schedule(this.#timeout, () => {
      this.#expire('timeout')
    })
  }

  /** Stops both clocks. */
  clear(): void {
    clearTimeout(this.#timer)
    clearTimeout(this.#totalTimer)
    this.#timer = undefined
    this.#totalTimer = undefined
  }

  #expire(expiry: TimerExpiry): void {
    this.clear()
    this.#onExpire(expiry)
  }
}
