/**
 * Scenario 3: latency at a fixed offered load (open loop), so a slower server shows queueing
 * instead of quietly receiving fewer calls.
 * @module
 */
import { createPool } from '../load/http.js'
import { runOpenLoop } from '../load/loops.js'
import { rawEcho } from '../mcp/direct-targets.js'
import { ECHO_MESSAGE } from '../mcp/messages.js'
import { StreamableSession } from '../mcp/streamable-session.js'
import type { ScenarioResult } from '../report/results.js'
import { interleavedRounds, mapLimit, requireAll, selected, type RunContext } from './context.js'

/** Connections the generator may open: enough that the client never becomes the queue. */
const CONNECTIONS = 256

/** (3) p99 latency at a fixed rate of `tools/call` over N stateful sessions. */
export async function fixedRateLatency(context: RunContext): Promise<ScenarioResult> {
  const { concurrency, rate, warmupMs, durationMs } = context.options
  const contenders = selected(context, ['ours', 'sdk-v1', 'sdk-v2', 'raw-node', 'raw-hono'])
  const rows = await interleavedRounds(
    context,
    contenders,
    async (contender, server) => {
      const pool = createPool(server.origin, CONNECTIONS)
      const close = () => pool.destroy()
      if (contender.id === 'raw-node' || contender.id === 'raw-hono') {
        return { call: () => rawEcho(pool, '/mcp', ECHO_MESSAGE), close }
      }
      try {
        const opened = await mapLimit(concurrency, 8, () => StreamableSession.open(pool, '/mcp'))
        const sessions = requireAll('initialize', concurrency, opened)
        return { call: (index) => sessions[index % sessions.length]!.echo(ECHO_MESSAGE), close }
      } catch (error) {
        await close()
        throw error
      }
    },
    (call) => runOpenLoop({ rate, warmupMs, durationMs, maxInFlight: CONNECTIONS * 8, call }),
  )
  return {
    id: 'latency',
    number: 3,
    title: `Latency at a fixed ${rate} calls/s (open loop, ${concurrency} sessions)`,
    method: `Calls are due every ${(1000 / rate).toFixed(2)} ms whatever the server does, round-robin over ${concurrency} initialized sessions, up to ${CONNECTIONS} connections; latency runs from the due time to the answer (no coordinated omission). ${durationMs / 1000} s measured.`,
    metrics: [
      { key: 'rate', label: 'answered/s', unit: 'calls/s', better: 'higher' },
      { key: 'p50', label: 'p50 ms', unit: 'ms', better: 'lower' },
      { key: 'p99', label: 'p99 ms', unit: 'ms', better: 'lower' },
      { key: 'max', label: 'max ms', unit: 'ms', better: 'lower' },
      { key: 'errors', label: 'errors', unit: 'count', better: 'lower' },
    ],
    ratioMetrics: ['p99'],
    baselines: [
      { label: 'SDK 1.x', row: 'sdk-v1' },
      { label: 'v2', row: 'sdk-v2' },
      { label: 'raw Hono', row: 'raw-hono' },
    ],
    rows,
    targets: [
      {
        text: 'p99 ≤ half of SDK 1.x (issue 3)',
        row: 'ours',
        metric: 'p99',
        baseline: 'sdk-v1',
        atMost: 0.5,
      },
    ],
    notes: [],
  }
}
