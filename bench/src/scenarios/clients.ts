/**
 * Scenario 7: our client against the official ones, each in its own process, calling the same
 * server at 1 and N calls in flight.
 * @module
 */
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { RunnerOutput } from '../clients/client-runner.js'
import { clientRow, roundRatios, type ClientRounds } from '../clients/client-rows.js'
import { BENCH_ROOT } from '../contenders.js'
import { spawnChild } from '../process/children.js'
import type { ResultRow, ScenarioResult } from '../report/results.js'
import { failedRow, withServer, type RunContext } from './context.js'

const TSX = import.meta.resolve('tsx')
const RUNNER = import.meta.resolve('../clients/client-runner.ts')

const CLIENTS = [
  { id: 'client-ours', kind: 'ours', label: 'ours (@mcp-sse/client + nodeFetch)' },
  { id: 'client-ours-fetch', kind: 'ours-fetch', label: 'ours (@mcp-sse/client, global fetch)' },
  { id: 'client-sdk-v1', kind: 'sdk-v1', label: 'SDK 1.x Client' },
  { id: 'client-sdk-v2', kind: 'sdk-v2', label: 'v2 @modelcontextprotocol/client' },
] as const

function runClient(
  kind: string,
  url: string,
  inFlight: number,
  context: RunContext,
): Promise<RunnerOutput> {
  // Only our client needs the `source` condition (it runs from the workspace's TypeScript).
  const conditions = kind.startsWith('ours') ? ['--conditions=source'] : []
  const child = spawnChild(
    {
      command: process.execPath,
      args: [...conditions, '--import', TSX, fileURLToPath(RUNNER)],
      cwd: BENCH_ROOT,
    },
    [
      '--client',
      kind,
      '--url',
      url,
      '--inflight',
      String(inFlight),
      '--warmup',
      String(context.options.warmupMs),
      '--duration',
      String(context.options.durationMs),
    ],
  )
  const limit = context.options.warmupMs + context.options.durationMs + 60_000
  return new Promise((resolve) => {
    let answered = false
    const stderr: string[] = []
    const finish = (output: RunnerOutput): void => {
      if (answered) return
      answered = true
      clearTimeout(timer)
      resolve(output)
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      finish({ ok: false, unavailable: false, error: `client ${kind} did not finish in time` })
    }, limit)
    createInterface({ input: child.stderr! }).on('line', (line) => {
      stderr.push(line)
      if (stderr.length > 5) stderr.shift()
    })
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return
      try {
        finish(JSON.parse(line) as RunnerOutput)
      } catch {
        // Not our line.
      }
    })
    child.once('exit', (code) => {
      finish({
        ok: false,
        unavailable: false,
        error: `client ${kind} exited with ${code} without a result: ${stderr.join(' | ')}`,
      })
    })
  })
}

/** (7) Client calls per second at 1 and N in flight; with `--repeat`, the median of the rounds. */
export async function clientScenario(context: RunContext): Promise<ScenarioResult> {
  const { concurrency } = context.options
  const target = (['ours', 'sdk-v2', 'sdk-v1'] as const)
    .map((id) => context.contenders.get(id))
    .find((contender) => contender?.spec !== undefined)
  const rows: ResultRow[] = []
  const notes: string[] = []
  if (target === undefined) {
    notes.push('no server to call')
  } else {
    notes.push(`every client calls the same server: ${target.label}, Streamable HTTP at /mcp`)
    const { repeat } = context.options
    const measured: ClientRounds[] = CLIENTS.map((client) => ({
      id: client.id,
      label: client.label,
      outputs: { '1': [], n: [] },
    }))
    await withServer(context, target, async (server) => {
      // Rounds interleave the clients, starting one further along each round, so that a machine
      // that gets busier or quieter during the run shifts every client alike.
      for (let round = 0; round < repeat; round++) {
        for (let index = 0; index < CLIENTS.length; index++) {
          const at = (index + round) % CLIENTS.length
          const client = CLIENTS[at]!
          const { outputs } = measured[at]!
          if ([...outputs['1'], ...outputs.n].some((output) => !output.ok)) continue
          const counter = repeat > 1 ? ` (round ${round + 1}/${repeat})` : ''
          context.log(`  ${client.label}${counter} ...`)
          for (const inFlight of [1, concurrency]) {
            const output = await runClient(client.kind, `${server.origin}/mcp`, inFlight, context)
            outputs[inFlight === 1 ? '1' : 'n'].push(output)
            if (!output.ok) break
          }
        }
      }
      rows.push(...measured.map(clientRow))
      const ours = measured[0]!
      for (const baseline of measured.filter((client) => client.id.startsWith('client-sdk'))) {
        for (const [suffix, level] of [
          ['1', '1'],
          ['n', String(concurrency)],
        ] as const) {
          const ratios = roundRatios(ours, baseline, suffix)
          if (ratios !== undefined) {
            notes.push(`${ours.label} / ${baseline.label} @${level}, round by round: ${ratios}`)
          }
        }
      }
    }).catch((error: unknown) => {
      rows.push(failedRow('server', target.label, error))
    })
  }
  return {
    id: 'client',
    number: 7,
    title: `Client tools/call throughput at 1 and ${concurrency} in flight`,
    method: `Each client runs in its own process, connects once (2025-11-25 Streamable HTTP with a session, initialize) and calls echo in a closed loop with 1, then ${concurrency}, calls in flight on that one client; ${context.options.durationMs / 1000} s measured each. CPU is the client process's own (user + system) per call: calls/s follow the machine's load, CPU per call much less.`,
    metrics: [
      { key: 'rate1', label: 'calls/s @1', unit: 'calls/s', better: 'higher' },
      { key: 'p501', label: 'p50 ms @1', unit: 'ms', better: 'lower' },
      { key: 'raten', label: `calls/s @${concurrency}`, unit: 'calls/s', better: 'higher' },
      { key: 'p50n', label: `p50 ms @${concurrency}`, unit: 'ms', better: 'lower' },
      { key: 'cpu1', label: 'µs CPU/call @1', unit: 'count', better: 'lower' },
      { key: 'cpun', label: `µs CPU/call @${concurrency}`, unit: 'count', better: 'lower' },
    ],
    ratioMetrics: ['rate1', 'raten'],
    baselines: [
      { label: 'v2 client', row: 'client-sdk-v2' },
      { label: 'SDK 1.x client', row: 'client-sdk-v1' },
    ],
    rows,
    targets: [
      {
        text: '≥ 2x the official v2 client at 1 in flight (issue 4)',
        row: 'client-ours',
        metric: 'rate1',
        baseline: 'client-sdk-v2',
        atLeast: 2,
      },
      {
        text: `≥ 2x the official v2 client at ${concurrency} in flight (issue 4)`,
        row: 'client-ours',
        metric: 'raten',
        baseline: 'client-sdk-v2',
        atLeast: 2,
      },
      {
        text: '≥ 2x the SDK 1.x client at 1 in flight (issue 4)',
        row: 'client-ours',
        metric: 'rate1',
        baseline: 'client-sdk-v1',
        atLeast: 2,
      },
      {
        text: `≥ 2x the SDK 1.x client at ${concurrency} in flight (issue 4)`,
        row: 'client-ours',
        metric: 'raten',
        baseline: 'client-sdk-v1',
        atLeast: 2,
      },
    ],
    notes,
  }
}
