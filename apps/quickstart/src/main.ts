/**
 * `pnpm demo`: starts the quickstart app on a free port (or uses `MCP_SERVER_URL`), walks a
 * Streamable HTTP client through everything it offers, has an HTTP+SSE client announce itself to
 * it, then closes everything and exits.
 * @module
 */
import { pathToFileURL } from 'node:url'
import {
  connectClient,
  legacyVisit,
  nextMessage,
  tour,
  type LegacyReport,
  type Say,
  type TourReport,
} from './client.js'
import { readConfig } from './config.js'
import { startServer, type RunningQuickstart } from './server.js'

/** Options of {@link main}. */
export interface MainOptions {
  /** Where configuration comes from. @default process.env */
  env?: Record<string, string | undefined>
  /** Where the story goes. @default console.log */
  say?: Say
}

/** Everything the demo saw, for whoever runs it in-process. */
export interface DemoReport {
  /** The Streamable HTTP URL the clients used. */
  url: string
  /** Whether the demo started its own server. */
  ownServer: boolean
  /** `GET /` of the app, the health endpoint and an unauthenticated request, when it is ours. */
  app?: { home: string; health: unknown; withoutKey: number }
  /** The transport the first client detected. */
  transport: string
  tour: TourReport
  legacy: LegacyReport
  /** The announcement the first client received from the HTTP+SSE client. */
  announcement: unknown
}

/** Runs the demo from start to end; rejects if any step fails, after closing what it opened. */
export async function main(options: MainOptions = {}): Promise<DemoReport> {
  const say = options.say ?? console.log
  const config = readConfig(options.env ?? process.env)
  let running: RunningQuickstart | undefined
  let url: string
  if (config.serverUrl === undefined) {
    running = await startServer({
      apiKey: config.apiKey,
      port: 0,
      tickMs: 500,
      onError: (error) => {
        say(`server error: ${error.message}`)
      },
    })
    url = running.url
  } else {
    url = config.serverUrl
  }
  try {
    let app: DemoReport['app']
    if (running === undefined) {
      say(`== 1. The server at MCP_SERVER_URL=${url}`)
    } else {
      say('== 1. The server: your Hono app with an MCP server mounted at /mcp')
      app = await probeApp(running.origin, say)
      say(`Streamable HTTP at ${running.url}, HTTP+SSE at ${running.url}/sse`)
      say('a clock broadcast every 500 ms, keep-alive comments every 15 s on every open stream')
    }

    say('\n== 2. A client over Streamable HTTP, with MCP_API_KEY as a bearer token')
    const client = await connectClient({ url, apiKey: config.apiKey })
    let report: Omit<DemoReport, 'url' | 'ownServer' | 'app'>
    try {
      say(
        `connected over ${client.transport} (${client.protocolVersion}) to ` +
          `${client.serverInfo.name} ${client.serverInfo.version}, session ${client.sessionId ?? '-'}`,
      )
      const tourReport = await tour(client, say)

      say('\n== 3. A second client over HTTP+SSE (2024-11-05): one server, two wire generations')
      const announcement = nextMessage(client, 'announce', 5_000)
      const legacy = await legacyVisit(`${url}/sse`, config.apiKey, say)
      const announced = await announcement
      say(`the first client got the announcement on its stream: ${JSON.stringify(announced)}`)
      report = { transport: client.transport, tour: tourReport, legacy, announcement: announced }
    } finally {
      await client.close()
    }

    say('\n== 4. Closing')
    say(
      `client closed (its session ended with DELETE)${running === undefined ? '' : ', server closed'}`,
    )
    return app === undefined
      ? { url, ownServer: false, ...report }
      : { url, ownServer: true, app, ...report }
  } finally {
    await running?.close()
  }
}

/** The app's own route, the health endpoint, and what a request without the key gets. */
async function probeApp(origin: string, say: Say): Promise<NonNullable<DemoReport['app']>> {
  const home = (await (await fetch(`${origin}/`)).text()).trim()
  say(`GET ${origin}/ -> "${home}"`)
  const health: unknown = await (await fetch(`${origin}/mcp/health`)).json()
  say(`GET ${origin}/mcp/health -> ${JSON.stringify(health)} (no key needed)`)
  const denied = await fetch(`${origin}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  say(`POST ${origin}/mcp without a key -> ${denied.status} "${await denied.text()}"`)
  return { home, health, withoutKey: denied.status }
}

const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main().then(
    () => {
      // Everything is closed, so Node exits on its own; if something still holds it, say so.
      setTimeout(() => {
        console.error('quickstart: something is still open after the demo; exiting anyway')
        process.exit(0)
      }, 2_000).unref()
    },
    (error: unknown) => {
      console.error(`quickstart failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    },
  )
}
