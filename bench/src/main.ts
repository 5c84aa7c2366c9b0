/**
 * `pnpm bench`: mcp-sse against the official MCP SDKs and raw HTTP servers, side by side, on one
 * load generator. Each contender runs as its own node process on 127.0.0.1; tables go to stdout,
 * progress to stderr, and every figure to bench/results/latest.json.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname } from 'node:path'
import { parseOptions, USAGE, type Options, type ScenarioId } from './cli/options.js'
import { allContenders, BENCH_ROOT } from './contenders.js'
import { killAllChildren } from './process/children.js'
import { fileLimitProblem, openFileLimit } from './process/limits.js'
import type { RunResult, ScenarioResult } from './report/results.js'
import { judgeTarget, renderScenario } from './report/scenario-table.js'
import { clientScenario } from './scenarios/clients.js'
import type { RunContext } from './scenarios/context.js'
import { fixedRateLatency } from './scenarios/latency.js'
import { sessionScenarios } from './scenarios/sessions-results.js'
import { sseThroughput, statefulThroughput, statelessThroughput } from './scenarios/throughput.js'

type Runner = (context: RunContext) => Promise<ScenarioResult | ScenarioResult[]>

/** In run order; memory and broadcast share one set-up. */
const RUNNERS: Array<{ ids: ScenarioId[]; title: string; run: Runner }> = [
  { ids: ['stateful'], title: '(1) stateful throughput', run: statefulThroughput },
  { ids: ['sse'], title: '(2) HTTP+SSE throughput', run: sseThroughput },
  { ids: ['latency'], title: '(3) latency at a fixed rate', run: fixedRateLatency },
  { ids: ['memory', 'broadcast'], title: '(4, 5) idle sessions', run: sessionScenarios },
  { ids: ['stateless'], title: '(6) stateless 2026-07-28', run: statelessThroughput },
  { ids: ['client'], title: '(7) clients', run: clientScenario },
]

function installCleanup(): void {
  process.on('exit', killAllChildren)
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(signal, () => {
      process.stderr.write(`\n${signal}: stopping every server the benchmark started\n`)
      killAllChildren()
      process.exit(code)
    })
  }
  process.on('uncaughtException', (error) => {
    process.stderr.write(`benchmark failed: ${error.stack ?? error.message}\n`)
    killAllChildren()
    process.exit(1)
  })
}

function machine(): RunResult['machine'] {
  const cores = cpus()
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  }
}

function header(options: Options, context: RunContext, host: RunResult['machine']): string {
  const lines = [
    `mcp-sse HTTP benchmark${options.quick ? ' (--quick)' : ''}: ${host.node}, ${host.cpus} x ${host.cpuModel}, ${host.memoryGiB} GiB`,
    `warm-up ${options.warmupMs / 1000} s, ${options.durationMs / 1000} s per measurement, ${options.concurrency} sessions, ${options.rate} calls/s, ${options.sessions} idle sessions`,
  ]
  // The generator and the servers need the cores; anything else running skews every figure.
  if (host.loadAverage > host.cpus / 2) {
    lines.push(
      `note: the machine is busy (load ${host.loadAverage} on ${host.cpus} cores): compare ratios within this run, not figures across runs`,
    )
  }
  for (const id of options.contenders) {
    const contender = context.contenders.get(id)!
    if (contender.unavailable !== undefined) {
      lines.push(`${contender.label}: not available yet (${contender.unavailable})`)
    }
  }
  return lines.join('\n')
}

async function main(): Promise<number> {
  let options: Options
  try {
    options = parseOptions(process.argv.slice(2), BENCH_ROOT)
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`)
    return 2
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (options.scenarios.includes('memory') || options.scenarios.includes('broadcast')) {
    const problem = fileLimitProblem(openFileLimit(), options.sessions)
    if (problem !== undefined) {
      process.stderr.write(`${problem}\n`)
      return 1
    }
  }
  installCleanup()
  const context: RunContext = {
    options,
    contenders: allContenders(),
    log: (line) => process.stderr.write(`${line}\n`),
  }
  const host = machine()
  const startedAt = new Date()
  process.stdout.write(`${header(options, context, host)}\n`)

  const scenarios: ScenarioResult[] = []
  for (const runner of RUNNERS) {
    if (!runner.ids.some((id) => options.scenarios.includes(id))) continue
    context.log(`\n${runner.title} ...`)
    const produced = await runner.run(context)
    for (const result of Array.isArray(produced) ? produced : [produced]) {
      scenarios.push(result)
      process.stdout.write(`\n${renderScenario(result)}\n`)
    }
  }

  const verdicts = scenarios.flatMap((scenario) =>
    scenario.targets.map((target) => ({
      scenario: scenario.id,
      ...judgeTarget(target, scenario.rows),
    })),
  )
  const result: RunResult = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: host,
    options: { ...options, out: undefined },
    scenarios,
    verdicts,
  }
  mkdirSync(dirname(options.out), { recursive: true })
  writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`)
  const seconds = ((Date.now() - startedAt.getTime()) / 1000).toFixed(0)
  const counts = (status: string) => verdicts.filter((verdict) => verdict.status === status).length
  process.stdout.write(
    `\ntargets: ${counts('met')} met, ${counts('missed')} missed, ${counts('not measured')} not measured` +
      `\nresults written to ${options.out} (${seconds} s)\n`,
  )
  return 0
}

main().then(
  (code) => {
    killAllChildren()
    process.exit(code)
  },
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${(error as Error).stack ?? String(error)}\n`)
    killAllChildren()
    process.exit(1)
  },
)
