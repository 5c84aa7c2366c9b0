/**
 * `pnpm conformance`: starts the everything server on a free port, runs the official MCP
 * conformance suite against it once per requirement set, one after the other (2025-11-25, then
 * 2026-07-28), stops the server, and exits non-zero when a set fails.
 *
 * - 2025-11-25: every scenario must pass with no warning, the unscored ones too
 *   (server-session-lifecycle, json-schema-2020-12, server-sse-polling).
 * - 2026-07-28: every scored scenario must pass (the suite's own exit code). The unscored ones
 *   (the tasks extension, pending header scenarios) are reported, not enforced.
 *
 * The suite needs Node >= 22, so it runs through `npx -p node@22` (see DEVELOPERS.md).
 * Options: `--requirements <revision>` (one set only), `--scenario <name>` (one scenario, with
 * `--spec-version <revision>` for its wire).
 * @module
 */
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { parseArgs } from 'node:util'

const SUITE = '@modelcontextprotocol/conformance@0.2.0-alpha.12'
const REVISIONS = ['2025-11-25', '2026-07-28'] as const

const { values } = parseArgs({
  options: {
    requirements: { type: 'string' },
    scenario: { type: 'string' },
    'spec-version': { type: 'string' },
  },
})

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => {
        resolve(port)
      })
    })
  })
}

interface SuiteRun {
  selection: string
  code: number
  report: string
}

/** Runs the suite once and echoes its output. */
async function runSuite(url: string, selection: string): Promise<SuiteRun> {
  const command = `conformance server --url ${url} ${selection}`
  const suite = spawn('npx', ['-y', '-p', 'node@22', '-p', SUITE, '-c', command], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let report = ''
  suite.stdout.on('data', (chunk: Buffer) => {
    report += chunk.toString()
    process.stdout.write(chunk)
  })
  const code = await new Promise<number>((resolve) => {
    suite.once('exit', (exitCode) => {
      resolve(exitCode ?? 1)
    })
  })
  return { selection, code, report }
}

/** The `✓|✗ scenario: N passed, M failed` lines of a summary, scored or not. */
function scenarioLines(report: string): { name: string; passed: boolean }[] {
  const summary = report.slice(report.lastIndexOf('=== SUMMARY ==='))
  const lines: { name: string; passed: boolean }[] = []
  for (const match of summary.matchAll(/^([✓✗]) ([\w.-]+): \d+ passed, \d+ failed/gm)) {
    lines.push({ name: match[2] ?? '', passed: match[1] === '✓' })
  }
  return lines
}

/** The scenarios listed after `Not scored for <revision>:`. */
function unscored(report: string): Set<string> {
  const at = report.indexOf('Not scored for')
  if (at === -1) return new Set()
  return new Set(
    [...report.slice(at).matchAll(/^[ \t]+[✓✗] ([\w.-]+)/gm)].map((match) => match[1] ?? ''),
  )
}

/** Whether one run passes its bar; prints a one-line verdict. */
function verdict(run: SuiteRun, strict: boolean): boolean {
  const failed = /Total: \d+ passed, (\d+) failed/.exec(run.report)
  const failures = failed === null ? NaN : Number(failed[1])
  const warnings = (run.report.match(/\bWARNING\b/g) ?? []).length
  const lines = scenarioLines(run.report)
  const notScored = unscored(run.report)
  const scored = lines.filter((line) => !notScored.has(line.name))
  const scoredPassed = scored.filter((line) => line.passed).length
  const unscoredFailing = lines.filter((line) => notScored.has(line.name) && !line.passed)
  const counts = `${scoredPassed}/${scored.length} scored scenarios pass, ${lines.length - scored.length} unscored (${unscoredFailing.length} failing${unscoredFailing.length > 0 ? `: ${unscoredFailing.map((line) => line.name).join(', ')}` : ''})`
  const ok = strict
    ? run.code === 0 && failures === 0 && warnings === 0
    : run.code === 0 && scoredPassed === scored.length
  const detail = strict
    ? `${Number.isNaN(failures) ? 'no summary' : `${failures} failed checks`}, ${warnings} warnings`
    : `exit ${run.code}`
  console.log(`\nconformance ${run.selection}: ${ok ? 'PASSED' : 'FAILED'}: ${counts}; ${detail}`)
  return ok
}

const port = await freePort()
const server = spawn(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', 'src/main.ts', '--port', String(port)],
  { cwd: new URL('..', import.meta.url), stdio: ['ignore', 'pipe', 'inherit'] },
)

const ready = await new Promise<boolean>((resolve) => {
  let output = ''
  server.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    process.stdout.write(chunk)
    if (output.includes('ready:')) resolve(true)
  })
  server.once('exit', () => {
    resolve(false)
  })
})
if (!ready) {
  console.error('The everything server did not start')
  process.exit(1)
}

const url = `http://127.0.0.1:${port}/mcp`
const results: boolean[] = []
try {
  if (values.scenario !== undefined) {
    const version = values['spec-version']
    const selection = `--scenario ${values.scenario}${version === undefined ? '' : ` --spec-version ${version}`}`
    const run = await runSuite(url, selection)
    results.push(run.code === 0)
  } else {
    const revisions = values.requirements === undefined ? REVISIONS : [values.requirements]
    for (const revision of revisions) {
      const run = await runSuite(url, `--requirements ${revision}`)
      // The 2025-11-25 set is held to zero warnings; later sets to their scored scenarios.
      results.push(verdict(run, revision === '2025-11-25'))
    }
  }
} finally {
  server.kill('SIGTERM')
}

if (results.some((ok) => !ok)) {
  console.error('\nconformance: FAILED')
  process.exit(1)
}
console.log('\nconformance: every requirement set passed')
