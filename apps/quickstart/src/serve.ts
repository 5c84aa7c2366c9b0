/**
 * `pnpm --filter @mcp-sse/quickstart serve`: the quickstart app alone, on 127.0.0.1:$PORT (3000),
 * until Ctrl-C. Point the demo at it with `MCP_SERVER_URL=http://127.0.0.1:3000/mcp`.
 * @module
 */
import { readConfig } from './config.js'
import { startServer } from './server.js'

const config = readConfig(process.env)
const running = await startServer({
  apiKey: config.apiKey,
  port: config.port,
  onError: (error) => {
    console.error(`[quickstart] ${error.message}`)
  },
})
console.log(`quickstart app at ${running.origin}/, MCP at ${running.url} (and ${running.url}/sse)`)

const stop = () => {
  void running.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
