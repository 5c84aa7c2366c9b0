/**
 * `pnpm conformance`: starts the everything server on a free port, runs the official MCP
 * conformance suite against it (the 2025-11-25 requirement set, which also runs the unscored
 * server-session-lifecycle, json-schema-2020-12 and server-sse-polling scenarios), stops the
 * server, and exits non-zero when any scenario fails or warns.
 *
 * The suite needs Node >= 22, so it runs through `npx -p node@22` (see DEVELOPERS.md).
 * Options: `--requirements <revision>` (default 2025-11-25), `--scenario <name>`.
 * @module
 */
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { parseArgs } from 'node:util'

const SUITE = '@modelcontextprotocol/conformance@0.2.0-alpha.12'

const { values } = parseArgs({
  options: {
    requirements: { type: 'string', default: '2025-11-25' },
    scenario: { type: 'string' },
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

const selection =
  values.scenario === undefined
    ? `--requirements ${values.requirements}`
    : `--scenario ${values.scenario}`
const command = `conformance server --url http://127.0.0.1:${port}/mcp ${selection}`
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
server.kill('SIGTERM')

const failed = /Total: \d+ passed, (\d+) failed/.exec(report)
const failures = failed === null ? NaN : Number(failed[1])
const warnings = (report.match(/\bWARNING\b/g) ?? []).length
if (code !== 0 || failures !== 0 || warnings > 0) {
  console.error(
    `\nconformance: FAILED (exit ${code}, ${Number.isNaN(failures) ? 'no summary' : `${failures} failed`}, ${warnings} warnings)`,
  )
  process.exit(1)
}
console.log('\nconformance: every scenario passed')
