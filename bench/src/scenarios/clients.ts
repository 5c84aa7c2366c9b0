/**
 * Scenario 7: our client against the official ones, each in its own process, calling the same
 * server at 1 and N calls in flight.
 * @module
 */
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { RunnerOutput } from '../clients/client-runner.js'
import { BENCH_ROOT } from '../contenders.js'
import { spawnChild } from '../process/children.js'
import type { ResultRow, ScenarioResult } from '../report/results.js'
import { failedRow, withServer, type RunContext } from './context.js'

const TSX = import.meta.resolve('tsx')
const RUNNER = import.meta.resolve('../clients/client-runner.ts')

const CLIENTS = [
  { id: 'client-ours', kind: 'ours', label: 'ours (@mcp-sse/client)' },
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
  const conditions = kind === 'ours' ? ['--conditions=source'] : []
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

/** (7) Client calls per second at 1 and N in flight. */
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
    await withServer(context, target, async (server) => {
      for (const client of CLIENTS) {
        context.log(`  ${client.label} ...`)
        const row: ResultRow = { id: client.id, label: client.label, status: 'ok', values: {} }
        for (const inFlight of [1, concurrency]) {
          const output = await runClient(client.kind, `${server.origin}/mcp`, inFlight, context)
          const suffix = inFlight === 1 ? '1' : 'n'
          if (!output.ok) {
            Object.assign(
              row,
              output.unavailable
                ? { status: 'unavailable', note: output.error }
                : failedRow(client.id, client.label, new Error(output.error)),
            )
            break
          }
          row.values[`rate${suffix}`] = output.rate
          row.values[`p50${suffix}`] = output.p50
          if (output.errors > 0)
            row.note = `${output.errors} errors, first: ${output.firstError ?? '?'}`
        }
        rows.push(row)
      }
    }).catch((error: unknown) => {
      rows.push(failedRow('server', target.label, error))
    })
  }
  return {
    id: 'client',
    number: 7,
    title: `Client tools/call throughput at 1 and ${concurrency} in flight`,
    method: `Each client runs in its own process, connects once (Streamable HTTP, initialize) and calls echo in a closed loop with 1, then ${concurrency}, calls in flight on that one client; ${context.options.durationMs / 1000} s measured each.`,
    metrics: [
      { key: 'rate1', label: 'calls/s @1', unit: 'calls/s', better: 'higher' },
      { key: 'p501', label: 'p50 ms @1', unit: 'ms', better: 'lower' },
      { key: 'raten', label: `calls/s @${concurrency}`, unit: 'calls/s', better: 'higher' },
      { key: 'p50n', label: `p50 ms @${concurrency}`, unit: 'ms', better: 'lower' },
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
