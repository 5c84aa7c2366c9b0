/**
 * Scenarios 1 (stateful Streamable HTTP), 2 (HTTP+SSE) and 6 (stateless 2026-07-28): calls per
 * second in a closed loop, the same load generator for every contender.
 * @module
 */
import type { Contender } from '../contenders.js'
import { createPool } from '../load/http.js'
import { runClosedLoop } from '../load/loops.js'
import { rawEcho, statelessEcho } from '../mcp/direct-targets.js'
import { LegacySseSession } from '../mcp/legacy-session.js'
import { ECHO_MESSAGE } from '../mcp/messages.js'
import { StreamableSession } from '../mcp/streamable-session.js'
import type { Metric, ResultRow, ScenarioResult } from '../report/results.js'
import {
  interleavedRounds,
  mapLimit,
  requireAll,
  selected,
  unavailableRow,
  type RunContext,
} from './context.js'

const METRICS: Metric[] = [
  { key: 'rate', label: 'calls/s', unit: 'calls/s', better: 'higher' },
  { key: 'p50', label: 'p50 ms', unit: 'ms', better: 'lower' },
  { key: 'p99', label: 'p99 ms', unit: 'ms', better: 'lower' },
  { key: 'errors', label: 'errors', unit: 'count', better: 'lower' },
]

const isRaw = (contender: Contender): boolean =>
  contender.id === 'raw-node' || contender.id === 'raw-hono'

/** (1) Stateful `tools/call` at N concurrent sessions. */
export async function statefulThroughput(context: RunContext): Promise<ScenarioResult> {
  const { concurrency, warmupMs, durationMs } = context.options
  const contenders = selected(context, ['ours', 'sdk-v1', 'sdk-v2', 'raw-node', 'raw-hono'])
  const rows = await interleavedRounds(
    context,
    contenders,
    async (contender, server) => {
      const pool = createPool(server.origin, concurrency)
      const close = () => pool.destroy()
      if (isRaw(contender)) return { call: () => rawEcho(pool, '/mcp', ECHO_MESSAGE), close }
      try {
        const opened = await mapLimit(concurrency, 8, () => StreamableSession.open(pool, '/mcp'))
        const sessions = requireAll('initialize', concurrency, opened)
        return { call: (worker) => sessions[worker]!.echo(ECHO_MESSAGE), close }
      } catch (error) {
        await close()
        throw error
      }
    },
    (call) => runClosedLoop({ workers: concurrency, warmupMs, durationMs, call }),
  )
  return {
    id: 'stateful',
    number: 1,
    title: `Stateful tools/call throughput, ${concurrency} concurrent sessions (Streamable HTTP)`,
    method: `Each session is initialized first, then calls echo in a closed loop (${concurrency} keep-alive connections); ${warmupMs / 1000} s warm-up, ${durationMs / 1000} s measured. Raw servers get the same POST without a session.`,
    metrics: METRICS,
    ratioMetrics: ['rate'],
    baselines: [
      { label: 'SDK 1.x', row: 'sdk-v1' },
      { label: 'v2', row: 'sdk-v2' },
      { label: 'raw Hono', row: 'raw-hono' },
    ],
    rows,
    targets: [
      {
        text: '≥ 4x SDK 1.x (issue 3)',
        row: 'ours',
        metric: 'rate',
        baseline: 'sdk-v1',
        atLeast: 4,
      },
      {
        text: '≈ half of raw Hono (issue 3; checked as ≥ 0.45x)',
        row: 'ours',
        metric: 'rate',
        baseline: 'raw-hono',
        atLeast: 0.45,
      },
    ],
    notes: [],
  }
}

/** (2) HTTP+SSE: POST to the message endpoint, reply read from the session's SSE stream. */
export async function sseThroughput(context: RunContext): Promise<ScenarioResult> {
  const { concurrency, warmupMs, durationMs } = context.options
  const contenders = selected(context, ['ours', 'sdk-v1'])
  const rows = await interleavedRounds(
    context,
    contenders,
    async (_contender, server) => {
      const streams = createPool(server.origin, concurrency + 4)
      const posts = createPool(server.origin, concurrency)
      let sessions: LegacySseSession[] = []
      const close = async () => {
        for (const session of sessions) session.close()
        await Promise.all([streams.destroy(), posts.destroy()])
      }
      try {
        const opened = await mapLimit(concurrency, 8, () =>
          LegacySseSession.open(streams, posts, '/sse'),
        )
        sessions = opened.values
        requireAll('GET /sse + initialize', concurrency, opened)
        return { call: (worker) => sessions[worker]!.echo(ECHO_MESSAGE), close }
      } catch (error) {
        await close()
        throw error
      }
    },
    (call) => runClosedLoop({ workers: concurrency, warmupMs, durationMs, call }),
  )
  return {
    id: 'sse',
    number: 2,
    title: `HTTP+SSE (2024-11-05) tools/call throughput, ${concurrency} concurrent sessions`,
    method: `Each session GETs /sse, POSTs initialize to the announced endpoint, then calls echo in a closed loop: POST (202), reply read from its SSE stream. ${durationMs / 1000} s measured.`,
    metrics: METRICS,
    ratioMetrics: ['rate'],
    baselines: [{ label: 'SDK 1.x', row: 'sdk-v1' }],
    rows,
    targets: [
      {
        text: '≥ 2x SDK 1.x (issue 3)',
        row: 'ours',
        metric: 'rate',
        baseline: 'sdk-v1',
        atLeast: 2,
      },
    ],
    notes: ['the official v2 server has no HTTP+SSE transport, so it is not in this table'],
  }
}

/** (6) Stateless 2026-07-28 `tools/call`, no session: ours vs the v2 `createMcpHandler`. */
export async function statelessThroughput(context: RunContext): Promise<ScenarioResult> {
  const { concurrency, warmupMs, durationMs } = context.options
  const contenders = selected(context, ['ours', 'sdk-v2-stateless', 'raw-hono'])
  const unavailable = new Map<string, ResultRow>()
  const measured = await interleavedRounds(
    context,
    contenders,
    async (contender, server) => {
      const pool = createPool(server.origin, concurrency)
      const close = () => pool.destroy()
      if (isRaw(contender)) return { call: () => rawEcho(pool, '/mcp', ECHO_MESSAGE), close }
      try {
        await statelessEcho(pool, '/mcp', ECHO_MESSAGE)
      } catch (error) {
        await close()
        unavailable.set(
          contender.id,
          unavailableRow(
            contender,
            `does not answer a stateless 2026-07-28 tools/call yet (${(error as Error).message.slice(0, 160)})`,
          ),
        )
        throw error
      }
      return { call: () => statelessEcho(pool, '/mcp', ECHO_MESSAGE), close }
    },
    (call) => runClosedLoop({ workers: concurrency, warmupMs, durationMs, call }),
  )
  const rows = measured.map((row) => unavailable.get(row.id) ?? row)
  return {
    id: 'stateless',
    number: 6,
    title: `Stateless 2026-07-28 tools/call throughput, ${concurrency} in flight, no session`,
    method: `Each call carries its own _meta (protocol version, client info, capabilities) and the Mcp-Method / Mcp-Name headers; closed loop, ${durationMs / 1000} s measured.`,
    metrics: METRICS,
    ratioMetrics: ['rate'],
    baselines: [
      { label: 'v2 createMcpHandler', row: 'sdk-v2-stateless' },
      { label: 'raw Hono', row: 'raw-hono' },
    ],
    rows,
    targets: [
      {
        text: '≥ 8x v2 createMcpHandler (issue 5)',
        row: 'ours',
        metric: 'rate',
        baseline: 'sdk-v2-stateless',
        atLeast: 8,
      },
    ],
    notes: [],
  }
}
