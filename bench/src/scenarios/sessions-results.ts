/**
 * Scenarios 4 and 5 as report tables, from the rows {@link idleSessions} measured.
 * @module
 */
import type { ResultRow, ScenarioResult } from '../report/results.js'
import { selected, unavailableRow, type RunContext } from './context.js'
import { idleSessions, WARM_SESSIONS } from './sessions.js'
import { chooseSink } from './sessions-sinks.js'

const BASELINES = [
  { label: 'SDK 1.x', row: 'sdk-v1' },
  { label: 'v2', row: 'sdk-v2' },
  { label: 'raw floor', row: 'raw-node' },
]

/** Runs the shared set-up once per contender and returns the tables the user asked for. */
export async function sessionScenarios(context: RunContext): Promise<ScenarioResult[]> {
  const memoryRows: ResultRow[] = []
  const broadcastRows: ResultRow[] = []
  const sinks = chooseSink()
  context.log(
    `  streams: ${sinks.kind === 'kernel' ? 'C sink, kernel receive timestamps' : 'JS sink'}`,
  )
  for (const contender of selected(context, ['ours', 'sdk-v1', 'sdk-v2', 'raw-node'])) {
    if (contender.spec === undefined) {
      memoryRows.push(unavailableRow(contender))
      broadcastRows.push(unavailableRow(contender))
      continue
    }
    context.log(`  ${contender.label} ...`)
    const rows = await idleSessions(context, contender, sinks)
    memoryRows.push(rows.memory)
    broadcastRows.push(rows.broadcast)
  }
  const { sessions, broadcasts } = context.options
  const results: ScenarioResult[] = []
  if (context.options.scenarios.includes('memory')) {
    results.push({
      id: 'memory',
      number: 4,
      title: `Memory per idle session with an open stream, ${sessions.toLocaleString('en-US')} sessions`,
      method: `Inside the server process (a preloaded probe, over IPC): process.memoryUsage() after forced full GCs, before and after opening the sessions (initialize, initialized, GET stream), divided by the sessions. heap = heapUsed + external; rss is the resident set. ${WARM_SESSIONS} warm sessions are opened and used before the baseline. The raw floor is node:http holding bare SSE responses, no MCP.`,
      metrics: [
        { key: 'heap', label: 'heap KiB/session', unit: 'KiB', better: 'lower' },
        { key: 'rss', label: 'RSS KiB/session', unit: 'KiB', better: 'lower' },
        { key: 'sessions', label: 'sessions', unit: 'count', better: 'higher' },
        { key: 'setup', label: 'set-up s', unit: 's', better: 'lower' },
      ],
      ratioMetrics: ['heap'],
      baselines: BASELINES,
      rows: memoryRows,
      targets: [
        { text: '≤ 12 KiB per session (issue 3)', row: 'ours', metric: 'heap', atMost: 12 },
      ],
      notes: [
        'issue 3 quotes SDK 1.x at about 51 KiB and v2 at about 36 KiB per session on this machine',
        'RSS after GC does not shrink back reliably (the allocator keeps pages); heap is the headline figure',
      ],
    })
  }
  if (context.options.scenarios.includes('broadcast')) {
    results.push({
      id: 'broadcast',
      number: 5,
      title: `One notification to every open stream (${sessions.toLocaleString('en-US')} sessions)`,
      method:
        sinks.kind === 'kernel'
          ? `One session calls the broadcast tool; the clock runs from writing that POST (CLOCK_REALTIME) until the last of the open GET streams received the notifications/message carrying the round's token, by the kernel's receive timestamp (SO_TIMESTAMPNS) on that stream's socket. A C sink holds the streams and reads them only after the call was answered, so it takes no CPU from the server meanwhile. The raw floor writes one event to every open response. Median of ${broadcasts} round(s).`
          : `One session calls the broadcast tool; the clock runs from sending that POST until the load generator read the notifications/message carrying the round's token on the last of the open GET streams (bare sockets, read in JS on the same cores as the server). The raw floor writes one event to every open response. Median of ${broadcasts} round(s).`,
      metrics: [
        { key: 'last', label: 'last stream ms', unit: 'ms', better: 'lower' },
        { key: 'p50', label: 'p50 stream ms', unit: 'ms', better: 'lower' },
        { key: 'call', label: 'call answered ms', unit: 'ms', better: 'lower' },
        { key: 'delivered', label: 'delivered', unit: 'count', better: 'higher' },
      ],
      ratioMetrics: ['last'],
      baselines: BASELINES,
      rows: broadcastRows,
      targets: [
        { text: '≤ 100 ms to the last stream (issue 3)', row: 'ours', metric: 'last', atMost: 100 },
      ],
      notes: [
        'issue 3 quotes both SDKs at about 490 ms for 10,000 streams on this machine',
        'the raw floor is what loopback TCP and this load generator allow on this machine: read ours against it as well as against the target',
        'the raw floor writes through ServerResponse.write (chunk framing, an uncork deferred to the next tick, a 3-buffer writev per stream); a server that writes whole chunks to the sockets itself can come in below it',
        sinks.note,
      ],
    })
  }
  return results
}
