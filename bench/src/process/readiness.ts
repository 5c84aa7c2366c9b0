/**
 * Reading a server's "ready" line, and turning a package.json script into a direct `node` call.
 * @module
 */

/**
 * Whether a line a server printed says it is ready on `port`: it names the address
 * (`127.0.0.1:<port>`, `localhost:<port>`, `port <port>`) or says ready/listening/started without
 * naming another port. The harness still checks that the port accepts connections afterwards.
 */
export function isReadyLine(line: string, port: number): boolean {
  const text = line.toLowerCase()
  const named = new RegExp(`(?:127\\.0\\.0\\.1|localhost|\\[::1\\]|port):?\\s*${port}(?!\\d)`)
  if (named.test(text)) return true
  if (!/\b(ready|listening|started|running)\b/.test(text)) return false
  if (/\b(not|error|fail(ed)?)\b/.test(text)) return false
  const otherPort = /(?:127\.0\.0\.1|localhost|port):?\s*(\d+)/.exec(text)
  return otherPort === null || otherPort[1] === String(port)
}

/** A `node` invocation taken apart: runtime flags, the entry file and its arguments. */
export interface NodeCommand {
  nodeFlags: string[]
  entry: string
  args: string[]
}

const FLAGS_WITH_VALUE = new Set(['--import', '--require', '-r', '--loader', '--conditions', '-C'])

/**
 * Parses a package.json script such as `node --conditions=source --import tsx src/main.ts` or
 * `tsx src/main.ts` into a direct node call, so the harness can start the server without pnpm in
 * between (and with its own flags added). Returns `undefined` for anything else (a shell
 * pipeline, another tool), and the caller then says why it cannot start the server.
 */
export function parseNodeScript(script: string): NodeCommand | undefined {
  if (/[|;&<>`$()]/.test(script)) return undefined
  const tokens = script.trim().split(/\s+/)
  const runner = tokens.shift()
  const nodeFlags: string[] = []
  if (runner === 'tsx') nodeFlags.push('--import', 'tsx')
  else if (runner !== 'node') return undefined
  while (tokens.length > 0 && tokens[0]!.startsWith('-')) {
    const flag = tokens.shift()!
    nodeFlags.push(flag)
    if (FLAGS_WITH_VALUE.has(flag) && tokens.length > 0) nodeFlags.push(tokens.shift()!)
  }
  const entry = tokens.shift()
  if (entry === undefined || !/\.(m?ts|m?js|cjs|cts)$/.test(entry)) return undefined
  return { nodeFlags, entry, args: tokens.filter((token) => token !== '--') }
}
