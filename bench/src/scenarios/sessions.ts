/**
 * Scenarios 4 and 5 share one set-up: thousands of idle sessions, each with its standalone GET
 * stream open. (4) is the server's memory per session; (5) is how long one broadcast takes to
 * reach every stream.
 * @module
 */
import type { Contender } from '../contenders.js'
import { createPool, send } from '../load/http.js'
import { openRawStream, TokenWatcher, type RawStream } from '../load/raw-stream.js'
import { ECHO_MESSAGE } from '../mcp/messages.js'
import { StreamableSession } from '../mcp/streamable-session.js'
import type { MemorySnapshot, RunningServer } from '../process/children.js'
import type { ResultRow } from '../report/results.js'
import { percentile } from '../stats/samples.js'
import { failedRow, mapLimit, requireAll, withServer, type RunContext } from './context.js'

/** Sessions opened (and used) before the baseline snapshot, so start-up costs are not counted. */
export const WARM_SESSIONS = 16
/** How many sessions are being initialized at once during set-up. */
const SETUP_CONCURRENCY = 64
/** How long one broadcast may take to reach every stream before it counts as lost. */
const BROADCAST_TIMEOUT_MS = 30_000

/** The two rows one contender yields. */
export interface SessionRows {
  memory: ResultRow
  broadcast: ResultRow
}

const heapOf = (snapshot: MemorySnapshot): number => snapshot.heapUsed + snapshot.external
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Arrival times of one broadcast round across every stream. */
class Arrivals {
  #watchers: TokenWatcher[] = []
  #round = 0
  #token = Buffer.alloc(0)
  #expected = 0
  #done: (() => void) | undefined
  times: number[] = []

  /** A chunk handler for one more stream. */
  watch(): (chunk: Buffer) => void {
    const watcher = new TokenWatcher()
    if (this.#round > 0) watcher.arm(this.#token, this.#round)
    this.#watchers.push(watcher)
    return (chunk) => {
      if (!watcher.feed(chunk)) return
      this.times.push(performance.now())
      if (this.times.length === this.#expected) this.#done?.()
    }
  }

  /** Starts a round; resolves once every stream saw `token`. */
  arm(token: string): Promise<void> {
    this.#round++
    this.#token = Buffer.from(token)
    this.#expected = this.#watchers.length
    this.times = []
    for (const watcher of this.#watchers) watcher.arm(this.#token, this.#round)
    return new Promise((resolve) => {
      this.#done = resolve
    })
  }

  get streams(): number {
    return this.#watchers.length
  }
}

/** How one contender is driven: open one idle session with its stream, trigger a broadcast. */
interface IdleDriver {
  /** `warm` sessions also call echo once, so the measured set-up starts from warm code paths. */
  open(warm: boolean): Promise<RawStream>
  /** Resolves when the broadcast call was answered. */
  broadcast(token: string): Promise<void>
  close(): Promise<void>
}

function mcpDriver(server: RunningServer, arrivals: Arrivals): IdleDriver {
  const posts = createPool(server.origin, SETUP_CONCURRENCY)
  let caller: StreamableSession | undefined
  return {
    open: async (warm) => {
      const session = await StreamableSession.open(posts, '/mcp')
      caller ??= session
      if (warm) await session.echo(ECHO_MESSAGE)
      return openRawStream(server.port, '/mcp', session.streamHeaders(), arrivals.watch())
    },
    broadcast: async (token) => {
      await caller!.request('tools/call', { name: 'broadcast', arguments: { message: token } })
    },
    close: () => posts.destroy(),
  }
}

function rawDriver(server: RunningServer, arrivals: Arrivals): IdleDriver {
  const posts = createPool(server.origin, 2)
  return {
    open: () => openRawStream(server.port, '/mcp', {}, arrivals.watch()),
    broadcast: async (token) => {
      const reply = await send(posts, 'POST', `/broadcast?message=${encodeURIComponent(token)}`, {})
      if (reply.status !== 200) throw new Error(`POST /broadcast answered ${reply.status}`)
    },
    close: () => posts.destroy(),
  }
}

/** Opens idle sessions, measures memory, then broadcasts. */
export async function idleSessions(
  context: RunContext,
  contender: Contender,
): Promise<SessionRows> {
  const { sessions, broadcasts } = context.options
  const base = { id: contender.id, label: contender.label }
  try {
    return await withServer(context, contender, async (server) => {
      const arrivals = new Arrivals()
      const driver =
        contender.id === 'raw-node' ? rawDriver(server, arrivals) : mcpDriver(server, arrivals)
      const open: RawStream[] = []
      const openOne = (warm: boolean) => async (): Promise<void> => {
        open.push(await driver.open(warm))
      }
      try {
        requireAll(
          'warm-up sessions',
          WARM_SESSIONS,
          await mapLimit(WARM_SESSIONS, 16, openOne(true)),
        )
        const before = await server.memory()
        const started = performance.now()
        requireAll(
          `${sessions} sessions with a GET stream`,
          sessions,
          await mapLimit(sessions, SETUP_CONCURRENCY, openOne(false)),
        )
        const setupSeconds = (performance.now() - started) / 1000
        context.log(`    ${sessions} streams open after ${setupSeconds.toFixed(1)} s`)
        await sleep(500)
        const after = await server.memory()
        const memory: ResultRow = {
          ...base,
          status: 'ok',
          values: {
            heap: (heapOf(after) - heapOf(before)) / sessions / 1024,
            rss: (after.rss - before.rss) / sessions / 1024,
            sessions,
            setup: setupSeconds,
          },
        }
        const broadcast = await broadcastRounds(driver, arrivals, broadcasts, base)
        return { memory, broadcast }
      } finally {
        for (const stream of open) stream.close()
        await driver.close().catch(() => undefined)
      }
    })
  } catch (error) {
    return {
      memory: failedRow(base.id, base.label, error),
      broadcast: failedRow(base.id, base.label, error),
    }
  }
}

async function broadcastRounds(
  driver: IdleDriver,
  arrivals: Arrivals,
  rounds: number,
  base: { id: string; label: string },
): Promise<ResultRow> {
  const lasts: number[] = []
  const medians: number[] = []
  const calls: number[] = []
  const streamCount = arrivals.streams
  let delivered = streamCount
  let firstProblem: string | undefined
  for (let round = 0; round < rounds; round++) {
    const token = `broadcast-${round}-${Math.random().toString(36).slice(2)}`
    const all = arrivals.arm(token)
    const sent = performance.now()
    const call = driver.broadcast(token).then(() => performance.now() - sent)
    // Read after the arrivals; a failure must not surface as an unhandled rejection before that.
    call.catch(() => undefined)
    await Promise.race([all, sleep(BROADCAST_TIMEOUT_MS)])
    const times = arrivals.times.map((time) => time - sent)
    try {
      calls.push(await call)
    } catch (error) {
      firstProblem ??= `broadcast call failed: ${(error as Error).message}`
    }
    delivered = Math.min(delivered, times.length)
    if (times.length < streamCount) {
      firstProblem ??= `round ${round + 1}: ${times.length} of ${streamCount} streams got it within ${BROADCAST_TIMEOUT_MS / 1000} s`
      continue
    }
    times.sort((a, b) => a - b)
    lasts.push(times[times.length - 1]!)
    medians.push(percentile(times, 50))
    await sleep(300)
  }
  if (lasts.length === 0) {
    return failedRow(base.id, base.label, new Error(firstProblem ?? 'no round completed'))
  }
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    )
  const row: ResultRow = {
    ...base,
    status: 'ok',
    values: {
      last: median(lasts),
      p50: median(medians),
      call: median(calls),
      streams: streamCount,
      delivered,
    },
  }
  if (firstProblem !== undefined) row.note = firstProblem
  return row
}
