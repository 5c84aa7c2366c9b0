/**
 * The two ways scenarios 4 and 5 hold the idle streams and time a broadcast: the C sink with the
 * kernel's receive timestamps (the default where it compiles), and bare sockets read in this
 * process (the fallback, and `BENCH_SINK=js`).
 * @module
 */
import { createPool, send, type Pool } from '../load/http.js'
import {
  buildSink,
  httpRequestText,
  NativeSink,
  type SinkRound,
} from '../load/raw-stream-native.js'
import { openRawStream, TokenWatcher, type RawStream } from '../load/raw-stream.js'
import { percentile } from '../stats/samples.js'

/** What one stream's GET sends, besides the request line, `Host` and `Accept`. */
export interface StreamRequest {
  path: string
  headers: Record<string, string>
}

/** The POST that triggers a broadcast, and the check of its answer (throws when wrong). */
export interface BroadcastPost {
  path: string
  headers: Record<string, string>
  body?: string
  check(status: number, contentType: string, body: string): void
}

/** One round as a sink saw it; times in ms after the POST was sent. */
export interface RoundTimes {
  streams: number
  /** Arrival times of the streams that got the token, sorted. */
  delivered: number
  last?: number
  p50?: number
  call?: number
  /** Why the round is not complete (a stream missed the token, the call failed). */
  problem?: string
}

/** Holds the streams of one contender and times broadcasts on them. */
export interface StreamSink {
  /** Adds a stream: opened at once (JS) or at the next {@link StreamSink.flush} (C). */
  add(request: StreamRequest): Promise<void>
  /** Resolves once every added stream is open; throws when one could not be opened. */
  flush(): Promise<void>
  round(token: string, post: BroadcastPost, timeoutMs: number): Promise<RoundTimes>
  close(): Promise<void>
}

/** How the sink for a run is chosen, for the report. */
export interface SinkChoice {
  kind: 'kernel' | 'js'
  /** One sentence for the table's notes. */
  note: string
  create(port: number): StreamSink
}

const STREAM_ACCEPT = { Accept: 'text/event-stream' }

/**
 * The C sink when it compiles (and `BENCH_SINK` is not `js`), else the JS sink with the reason.
 */
export function chooseSink(environment: NodeJS.ProcessEnv = process.env): SinkChoice {
  const js = (why: string): SinkChoice => ({
    kind: 'js',
    note: `arrivals are read times in the load generator (JS sink: ${why}), not delivery times`,
    create: (port) => new JsStreamSink(port),
  })
  if (environment.BENCH_SINK === 'js') return js('BENCH_SINK=js')
  const build = buildSink()
  if (!build.ok) return js(build.reason)
  return {
    kind: 'kernel',
    note: "arrivals are the kernel's receive timestamps (SO_TIMESTAMPNS) of the segment that carried the token, taken by the C sink",
    create: (port) => new KernelStreamSink(build.path, port),
  }
}

class KernelStreamSink implements StreamSink {
  readonly #sink: NativeSink
  readonly #port: number

  constructor(binary: string, port: number) {
    this.#sink = new NativeSink(binary, port)
    this.#port = port
  }

  add(request: StreamRequest): Promise<void> {
    const headers = { ...STREAM_ACCEPT, ...request.headers }
    this.#sink.addStream(httpRequestText('GET', request.path, this.#port, headers))
    return Promise.resolve()
  }

  async flush(): Promise<void> {
    const opened = await this.#sink.open(120_000)
    if (opened.failed > 0) {
      throw new Error(`${opened.failed} GET streams could not be opened: ${opened.error ?? '?'}`)
    }
  }

  async round(token: string, post: BroadcastPost, timeoutMs: number): Promise<RoundTimes> {
    const text = httpRequestText('POST', post.path, this.#port, post.headers, post.body)
    return roundTimes(await this.#sink.round(token, text, timeoutMs), post, timeoutMs)
  }

  close(): Promise<void> {
    this.#sink.close()
    return Promise.resolve()
  }
}

/** A round's figures from the sink's answer, with the call's answer checked. */
export function roundTimes(reply: SinkRound, post: BroadcastPost, timeoutMs: number): RoundTimes {
  const times: RoundTimes = { streams: reply.streams, delivered: reply.delivered }
  if (reply.last !== undefined) times.last = reply.last
  if (reply.p50 !== undefined) times.p50 = reply.p50
  if (!reply.answered) {
    times.problem = `the broadcast call was not answered within ${timeoutMs / 1000} s`
  } else {
    try {
      post.check(reply.status ?? 0, reply.contentType ?? '', reply.body ?? '')
      times.call = reply.call
    } catch (error) {
      times.problem = `broadcast call failed: ${(error as Error).message}`
    }
  }
  if (reply.delivered < reply.streams) {
    times.problem ??= `${reply.delivered} of ${reply.streams} streams got it within ${timeoutMs / 1000} s${reply.closed > 0 ? ` (${reply.closed} closed)` : ''}`
  }
  if (reply.fallbackTimestamps > 0) {
    times.problem ??= `${reply.fallbackTimestamps} reads came without a kernel timestamp`
  }
  return times
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

class JsStreamSink implements StreamSink {
  readonly #port: number
  readonly #posts: Pool
  readonly #open: RawStream[] = []
  readonly #watchers: TokenWatcher[] = []
  #round = 0
  #token = Buffer.alloc(0)
  #times: number[] = []
  #done: (() => void) | undefined

  constructor(port: number) {
    this.#port = port
    this.#posts = createPool(`http://127.0.0.1:${port}`, 2)
  }

  async add(request: StreamRequest): Promise<void> {
    const watcher = new TokenWatcher()
    const stream = await openRawStream(this.#port, request.path, request.headers, (chunk) => {
      if (!watcher.feed(chunk)) return
      this.#times.push(performance.now())
      if (this.#times.length === this.#watchers.length) this.#done?.()
    })
    // Counted once open, so a stream that failed to open is not waited for.
    if (this.#round > 0) watcher.arm(this.#token, this.#round)
    this.#watchers.push(watcher)
    this.#open.push(stream)
  }

  flush(): Promise<void> {
    return Promise.resolve()
  }

  async round(token: string, post: BroadcastPost, timeoutMs: number): Promise<RoundTimes> {
    this.#round++
    this.#token = Buffer.from(token)
    this.#times = []
    for (const watcher of this.#watchers) watcher.arm(this.#token, this.#round)
    const all = new Promise<void>((resolve) => {
      this.#done = resolve
    })
    const sent = performance.now()
    const call = send(this.#posts, 'POST', post.path, post.headers, post.body).then((reply) => {
      post.check(reply.status, reply.contentType, reply.text)
      return performance.now() - sent
    })
    // Read after the arrivals; a failure must not surface as an unhandled rejection before that.
    call.catch(() => undefined)
    await Promise.race([all, sleep(timeoutMs)])
    const arrivals = this.#times.map((time) => time - sent).sort((a, b) => a - b)
    const times: RoundTimes = { streams: this.#watchers.length, delivered: arrivals.length }
    if (arrivals.length > 0) {
      times.last = arrivals[arrivals.length - 1]!
      times.p50 = percentile(arrivals, 50)
    }
    try {
      times.call = await call
    } catch (error) {
      times.problem = `broadcast call failed: ${(error as Error).message}`
    }
    if (arrivals.length < times.streams) {
      times.problem ??= `${arrivals.length} of ${times.streams} streams got it within ${timeoutMs / 1000} s`
    }
    return times
  }

  close(): Promise<void> {
    for (const stream of this.#open) stream.close()
    return this.#posts.destroy()
  }
}
