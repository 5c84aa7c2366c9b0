/**
 * What every contender server shares: the command line, the ready line, the tool texts and the
 * JSON error for requests the harness should never send.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

/** Loopback only: nothing in the benchmark listens on another interface. */
export const HOSTNAME = '127.0.0.1'

/** The `--port <P>` argument every contender takes, as `pnpm bench:server` does. */
export function portFromArgs(argv: string[] = process.argv.slice(2)): number {
  const index = argv.indexOf('--port')
  const port = Number(index === -1 ? Number.NaN : argv[index + 1])
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
    throw new Error(`Usage: <server> --port <P> (got ${argv.join(' ') || 'no arguments'})`)
  }
  return port
}

/** Prints the line the harness waits for. */
export function announceReady(name: string, port: number): void {
  process.stdout.write(`${name} ready on http://${HOSTNAME}:${port}\n`)
}

/** The server name and version every contender reports in `initialize`. */
export const SERVER_INFO = { name: 'bench-server', version: '0.0.0' } as const

/** Description of the `echo` tool. */
export const ECHO_DESCRIPTION = 'Returns its message as text content.'
/** Description of the `broadcast` tool. */
export const BROADCAST_DESCRIPTION =
  'Sends its message as notifications/message to every open session.'

/** The `echo` tool's result for `message`. */
export function echoResult(message: string): { content: Array<{ type: 'text'; text: string }> } {
  return { content: [{ type: 'text', text: message }] }
}

/** Reads a Node request body as text. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Answers with a JSON-RPC error that has no id (a malformed or unroutable request). */
export function sendJsonRpcError(
  response: ServerResponse,
  status: number,
  code: number,
  message: string,
): void {
  const body = JSON.stringify({ jsonrpc: '2.0', id: null, error: { code, message } })
  response.writeHead(status, { 'content-type': 'application/json' }).end(body)
}
