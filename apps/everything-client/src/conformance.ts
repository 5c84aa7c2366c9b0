/**
 * `pnpm conformance:client`: runs the official MCP conformance suite's client scenarios of the
 * 2025-11-25 requirement set against this app and exits non-zero unless every scenario that issue
 * 4 requires passed. Authorization scenarios are reported but not required until the OAuth client
 * exists.
 *
 * The suite needs Node >= 22, so it runs through `npx -p node@22`; the client itself runs on the
 * Node that runs this script, so the client is tested on the Node it supports.
 * Options: `--requirements <revision>` (default 2025-11-25).
 * @module
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const SUITE = '@modelcontextprotocol/conformance@0.2.0-alpha.12'
const REQUIRED = [
  'initialize',
  'tools_call',
  'elicitation-sep1034-client-defaults',
  'sse-retry',
  'json-schema-2020-12-preservation',
]

const { values } = parseArgs({
  options: { requirements: { type: 'string', default: '2025-11-25' } },
})

// The suite splits --command on single spaces, so every part must be free of spaces.
const main = fileURLToPath(new URL('./main.ts', import.meta.url))
const clientCommand = [process.execPath, '--conditions=source', '--import', 'tsx', main].join(' ')
if (clientCommand.split(' ').length !== 5) {
  console.error(`conformance:client needs paths without spaces: ${clientCommand}`)
  process.exit(1)
}
const command = `conformance client --command '${clientCommand}' --requirements ${values.requirements}`
const suite = spawn('npx', ['-y', '-p', 'node@22', '-p', SUITE, '-c', command], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: ['ignore', 'pipe', 'pipe'],
})
let report = ''
const collect = (chunk: Buffer) => {
  report += chunk.toString()
  process.stdout.write(chunk)
}
suite.stdout.on('data', collect)
suite.stderr.on('data', collect)
await new Promise((resolve) => suite.once('exit', resolve))

// Summary lines read `✓ name: 3 passed, 0 failed` or `✗ name: 1 passed, 2 failed, 1 warnings`.
const outcomes = new Map<string, boolean>()
for (const match of report.matchAll(/^\s*([✓✗])\s+(\S+):/gmu)) {
  outcomes.set(match[2] ?? '', match[1] === '✓')
}
const missing = REQUIRED.filter((scenario) => !outcomes.has(scenario))
const failing = REQUIRED.filter((scenario) => outcomes.get(scenario) === false)
const notRequired = [...outcomes].filter(([name, passed]) => !passed && !REQUIRED.includes(name))
if (notRequired.length > 0) {
  console.log(`\nnot required yet, failing: ${notRequired.map(([name]) => name).join(', ')}`)
}
if (missing.length > 0 || failing.length > 0) {
  console.error(
    `\nconformance:client FAILED: ${[...failing.map((name) => `${name} failed`), ...missing.map((name) => `${name} did not run`)].join(', ')}`,
  )
  process.exit(1)
}
console.log(`\nconformance:client: every required scenario passed (${REQUIRED.join(', ')})`)
