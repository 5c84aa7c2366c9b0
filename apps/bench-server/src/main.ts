/**
 * `pnpm bench:server --port <P>`: the bench server on 127.0.0.1:<P>, Streamable HTTP at `/mcp`,
 * HTTP+SSE at `/sse`. Prints one line when ready.
 * @module
 */
import { parseArgs } from 'node:util'
import { serve } from '@mcp-sse/server/node'
import { createBenchServer } from './bench-server.js'

const { values } = parseArgs({ options: { port: { type: 'string', default: '3002' } } })
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port: ${values.port}`)
  process.exit(2)
}

const server = createBenchServer({
  onError: (error) => {
    console.error(`[bench-server] ${error.message}`)
  },
})
const running = await serve(server, { port })
console.log(`bench-server ready on http://127.0.0.1:${running.port} (/mcp and /sse)`)

const stop = () => {
  void running.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
