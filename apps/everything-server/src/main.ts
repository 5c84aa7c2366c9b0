/**
 * `pnpm everything-server --port <P>`: the everything server on 127.0.0.1:<P>, Streamable HTTP at
 * `/mcp`, HTTP+SSE at `/sse`. Prints one line when ready.
 * @module
 */
import { parseArgs } from 'node:util'
import { serve } from '@mcp-sse/server/node'
import { createEverythingServer } from './everything.js'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3001' },
    host: { type: 'string', default: '127.0.0.1' },
  },
})
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port: ${values.port}`)
  process.exit(2)
}

const server = createEverythingServer({
  onError: (error) => {
    console.error(`[everything-server] ${error.message}`)
  },
})
const running = await serve(server, { port, hostname: values.host })
const base = running.url.slice(0, -'/mcp'.length)
console.log(`everything-server ready: ${running.url} (Streamable HTTP) and ${base}/sse (HTTP+SSE)`)

const stop = () => {
  void running.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
