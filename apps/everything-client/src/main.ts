/**
 * `pnpm everything-client <url>`: the official conformance client contract. The suite starts a
 * mock server, runs this with its URL as the last argument and the scenario's name in
 * `MCP_CONFORMANCE_SCENARIO` (and, for auth scenarios, JSON in `MCP_CONFORMANCE_CONTEXT`), and
 * checks what the mock saw. Exits 0 when the scenario ran, 1 when it failed.
 * @module
 */
import { fallbackScenario, scenarios } from './scenarios.js'

const url = process.argv.at(-1)
const name = process.env.MCP_CONFORMANCE_SCENARIO ?? ''
const log = (line: string) => {
  process.stderr.write(`[everything-client ${name}] ${line}\n`)
}

function parseContext(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined || raw === '') return {}
  try {
    const parsed: unknown = JSON.parse(raw)
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
  } catch {
    throw new Error('MCP_CONFORMANCE_CONTEXT is not JSON')
  }
}

async function main(): Promise<void> {
  if (url === undefined || !/^https?:\/\//.test(url)) {
    throw new Error('Usage: everything-client <server url> (with MCP_CONFORMANCE_SCENARIO set)')
  }
  const scenario = scenarios[name] ?? fallbackScenario
  if (scenarios[name] === undefined) log(`unknown scenario, running the handshake and tools/list`)
  await scenario({ url, context: parseContext(process.env.MCP_CONFORMANCE_CONTEXT), log })
  log('done')
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
    process.exit(1)
  },
)
