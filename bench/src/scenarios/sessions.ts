/**
 * Scenarios 4 and 5 share one set-up: thousands of idle sessions, each with its standalone GET
 * stream open. (4) is the server's memory per session; (5) is how long one broadcast takes to
 * reach every stream.
 * @module
 */
import type { Contender } from '../contenders.js'
import { createPool } from '../load/http.js'
import { ECHO_MESSAGE, messagesOf, requestBody, resultFor } from '../mcp/messages.js'
import { StreamableSession } from '../mcp/streamable-session.js'
import type { MemorySnapshot, RunningServer } from '../process/children.js'
import type { ResultRow } from '../report/results.js'
import { percentile } from '../stats/samples.js'
import { failedRow, mapLimit, requireAll, withServer, type RunContext } from './context.js'
import {
  chooseSink,
  type BroadcastPost,
  type SinkChoice,
  type StreamRequest,
  type StreamSink,
} from './sessions-sinks.js'

/** Sessions opened (and used) before the baseline snapshot, so start-up costs are not counted. */
export const WARM_SESSIONS = 16
/** How many sessions are being initialized at once during set-up. */
const SETUP_CONCURRENCY = 64
/** How long one broadcast may take to reach every stream before it counts as lost. */
const BROADCAST_TIMEOUT_MS = 30_000
/** Request ids of the broadcast calls: far from the ids the session used during set-up. */
const BROADCAST_ID = 1_000_000

/** The two rows one contender yields. */
export interface SessionRows {
  memory: ResultRow
  broadcast: ResultRow
}

const heapOf = (snapshot: MemorySnapshot): number => snapshot.heapUsed + snapshot.external
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** How one contender is driven: set up one idle session, and the POST of a broadcast. */
interface IdleDriver {
  /**
   * Sets up one session (`warm` ones also call echo, so the measured set-up starts from warm
   * code paths) and returns what its GET stream sends.
   */
  prepare(warm: boolean): Promise<StreamRequest>
  /** The POST that makes the server broadcast `token`. */
  broadcast(token: string, round: number): BroadcastPost
  close(): Promise<void>
}

const POST_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
}

function mcpDriver(server: RunningServer): IdleDriver {
  const posts = createPool(server.origin, SETUP_CONCURRENCY)
  let caller: StreamableSession | undefined
  return {
    prepare: async (warm) => {
      const session = await StreamableSession.open(posts, '/mcp')
      caller ??= session
      if (warm) await session.echo(ECHO_MESSAGE)
      return { path: '/mcp', headers: session.streamHeaders() }
    },
    broadcast: (token, round) => {
      const id = BROADCAST_ID + round
      return {
        path: '/mcp',
        headers: { ...POST_HEADERS, ...caller!.streamHeaders() },
        body: requestBody(id, 'tools/call', { name: 'broadcast', arguments: { message: token } }),
        check: (status, contentType, body) => {
          if (status !== 200) throw new Error(`POST /mcp answered ${status}: ${body.slice(0, 200)}`)
          resultFor(messagesOf(contentType, body), id, 'broadcast')
        },
      }
    },
    close: () => posts.destroy(),
  }
}

const rawDriver: IdleDriver = {
  prepare: () => Promise.resolve({ path: '/mcp', headers: {} }),
  broadcast: (token) => ({
    path: `/broadcast?message=${encodeURIComponent(token)}`,
    headers: {},
    body: '',
    check: (status) => {
      if (status !== 200) throw new Error(`POST /broadcast answered ${status}`)
    },
  }),
  close: () => Promise.resolve(),
}

/** Opens idle sessions, measures memory, then broadcasts. */
export async function idleSessions(
  context: RunContext,
  contender: Contender,
  sinks: SinkChoice = chooseSink(),
): Promise<SessionRows> {
  const { sessions, broadcasts } = context.options
  const base = { id: contender.id, label: contender.label }
  try {
    return await withServer(context, contender, async (server) => {
      const driver = contender.id === 'raw-node' ? rawDriver : mcpDriver(server)
      const sink = sinks.create(server.port)
      const openOne = (warm: boolean) => async (): Promise<void> => {
        await sink.add(await driver.prepare(warm))
      }
      try {
        requireAll(
          'warm-up sessions',
          WARM_SESSIONS,
          await mapLimit(WARM_SESSIONS, 16, openOne(true)),
        )
        await sink.flush()
        const before = await server.memory()
        const started = performance.now()
        requireAll(
          `${sessions} sessions with a GET stream`,
          sessions,
          await mapLimit(sessions, SETUP_CONCURRENCY, openOne(false)),
        )
        await sink.flush()
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
        const broadcast = await broadcastRounds(driver, sink, broadcasts, base)
        return { memory, broadcast }
      } finally {
        await sink.close().catch(() => undefined)
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
  sink: StreamSink,
  rounds: number,
  base: { id: string; label: string },
): Promise<ResultRow> {
  const lasts: number[] = []
  const medians: number[] = []
  const calls: number[] = []
  let streamCount = 0
  let delivered = Number.POSITIVE_INFINITY
  let firstProblem: string | undefined
  for (let round = 0; round < rounds; round++) {
    const token = `broadcast-${round}-${Math.random().toString(36).slice(2)}`
    const times = await sink.round(token, driver.broadcast(token, round), BROADCAST_TIMEOUT_MS)
    streamCount = times.streams
    delivered = Math.min(delivered, times.delivered)
    if (times.call !== undefined) calls.push(times.call)
    if (times.problem !== undefined) firstProblem ??= `round ${round + 1}: ${times.problem}`
    if (times.delivered < times.streams || times.last === undefined || times.p50 === undefined) {
      continue
    }
    lasts.push(times.last)
    medians.push(times.p50)
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
      delivered: Number.isFinite(delivered) ? delivered : 0,
    },
  }
  if (firstProblem !== undefined) row.note = firstProblem
  return row
}
