/**
 * `pnpm conformance:client`: runs the official MCP conformance suite's client scenarios of the
 * 2025-11-25 requirement set, then of the 2026-07-28 one, against this app and exits non-zero
 * unless every required scenario of each passed (issue 4 for 2025-11-25, issue 5 for
 * 2026-07-28). Authorization scenarios are reported but not required until the OAuth client
 * exists.
 *
 * The suite needs Node >= 22, so it runs through `npx -p node@22`; the client itself runs on the
 * Node that runs this script, so the client is tested on the Node it supports.
 * Options: `--requirements <revision>` runs one set only (default: both).
 * @module
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const SUITE = '@modelcontextprotocol/conformance@0.2.0-alpha.12'
/** The scored non-auth scenarios of each requirement set, as the suite names them. */
const REQUIRED: Record<string, string[]> = {
  '2025-11-25': [
    'initialize',
    'tools_call',
    'elicitation-sep1034-client-defaults',
    'sse-retry',
    'json-schema-2020-12-preservation',
  ],
  '2026-07-28': [
    'tools_call',
    'request-metadata',
    'sep-2322-client-request-state',
    'http-standard-headers',
    'http-custom-headers',
    'http-invalid-tool-headers',
    'json-schema-ref-no-deref',
  ],
}

const { values } = parseArgs({ options: { requirements: { type: 'string' } } })
const revisions = values.requirements === undefined ? Object.keys(REQUIRED) : [values.requirements]

// The suite splits --command on single spaces, so every part must be free of spaces.
const main = fileURLToPath(new URL('./main.ts', import.meta.url))
const clientCommand = [process.execPath, '--conditions=source', '--import', 'tsx', main].join(' ')
if (clientCommand.split(' ').length !== 5) {
  console.error(`conformance:client needs paths without spaces: ${clientCommand}`)
  process.exit(1)
}
/** Runs one requirement set; resolves with what failed, empty when every required one passed. */
async function run(requirements: string): Promise<string[]> {
  const required = REQUIRED[requirements] ?? []
  const command = `conformance client --command '${clientCommand}' --requirements ${requirements}`
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
  const missing = required.filter((scenario) => !outcomes.has(scenario))
  const failing = required.filter((scenario) => outcomes.get(scenario) === false)
  const notRequired = [...outcomes].filter(([name, passed]) => !passed && !required.includes(name))
  if (notRequired.length > 0) {
    console.log(
      `\n${requirements}: not required yet, failing: ${notRequired.map(([name]) => name).join(', ')}`,
    )
  }
  return [
    ...failing.map((name) => `${requirements} ${name} failed`),
    ...missing.map((name) => `${requirements} ${name} did not run`),
  ]
}

const problems: string[] = []
for (const requirements of revisions) problems.push(...(await run(requirements)))
if (problems.length > 0) {
  console.error(`\nconformance:client FAILED: ${problems.join(', ')}`)
  process.exit(1)
}
for (const requirements of revisions) {
  console.log(
    `\nconformance:client ${requirements}: every required scenario passed (${(REQUIRED[requirements] ?? []).join(', ')})`,
  )
}
