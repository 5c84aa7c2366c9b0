/**
 * The template to copy: an MCP server composed into an existing Hono app. The app keeps its own
 * routes (`GET /`); the MCP server is mounted at `/mcp` behind a bearer-token check, and answers
 * Streamable HTTP at `/mcp`, HTTP+SSE at `/mcp/sse` and health at `/mcp/health`.
 *
 * Nothing here reads the environment: the caller passes the API key (see `config.ts`).
 * @module
 */
import { McpServer } from '@mcp-sse/server'
import { serve } from '@mcp-sse/server/node'
import { Hono } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import { except } from 'hono/combine'
import { z } from 'zod'

/** Options of {@link createApp}. */
export interface QuickstartOptions {
  /** The bearer token clients must send (`Authorization: Bearer <apiKey>`). */
  apiKey: string
  /**
   * Interval of the `clock` broadcast every connected client receives.
   * @default 1000
   */
  tickMs?: number
  /**
   * Interval of the `: keep-alive` comment on every open stream.
   * @default 15_000
   */
  keepAliveMs?: number
  /**
   * Pause between two steps of the `countdown` tool.
   * @default 100
   */
  stepMs?: number
  /** Errors no client can be told about (a failing handler, a failing broadcast). */
  onError?: (error: Error) => void
}

/** The app and the MCP server inside it. */
export interface Quickstart {
  /** Your Hono app, with the MCP server mounted at `/mcp`. */
  app: Hono
  /** The MCP server, for push (`broadcast`, `notify`) and `close()`. */
  mcp: McpServer
}

/**
 * Builds the app: a normal route, the MCP server behind an API key, a periodic broadcast.
 *
 * @example
 * ```ts
 * const { app, mcp } = createApp({ apiKey: 'secret' })
 * ```
 */
export function createApp(options: QuickstartOptions): Quickstart {
  const { apiKey, tickMs = 1000, keepAliveMs = 15_000, stepMs = 100 } = options
  const startedAt = Date.now()
  let ticks = 0

  const mcp = new McpServer(
    {
      name: 'quickstart',
      version: '1.0.0',
      title: 'mcp-sse quickstart',
      instructions: 'Use add for sums, countdown for a slow job with progress, announce to talk.',
    },
    { keepAliveMs, onError: options.onError },
  )

  mcp.tool(
    'add',
    {
      title: 'Add',
      description: 'Adds two numbers',
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      outputSchema: z.object({ sum: z.number() }),
      annotations: { readOnlyHint: true },
    },
    ({ a, b }) => ({
      // The text is for clients that predate structured output (2024-11-05, 2025-03-26).
      content: [{ type: 'text', text: `${a} + ${b} = ${a + b}` }],
      structuredContent: { sum: a + b },
    }),
  )

  mcp.tool(
    'countdown',
    {
      title: 'Countdown',
      description: 'Counts down, reporting progress and logging each step',
      inputSchema: z.object({ from: z.number().int().min(1).max(10) }),
      annotations: { readOnlyHint: true },
    },
    async ({ from }, ctx) => {
      for (let left = from; left > 0; left--) {
        await ctx.log('info', `T-minus ${left}`, 'countdown')
        await ctx.progress(from - left + 1, from, `${left} to go`)
        await delay(stepMs, ctx.signal)
      }
      return { content: [{ type: 'text', text: `Liftoff after ${from} steps` }] }
    },
  )

  mcp.tool(
    'announce',
    {
      title: 'Announce',
      description: 'Pushes a message to every connected client, whatever wire it speaks',
      inputSchema: z.object({ message: z.string().min(1) }),
    },
    async ({ message }, ctx) => {
      const from = ctx.session.clientInfo?.name ?? 'someone'
      await mcp.log('notice', { from, message }, 'announce')
      return { content: [{ type: 'text', text: `Announced to ${mcp.sessionCount} sessions` }] }
    },
  )

  mcp.resource(
    'quickstart://status',
    { title: 'Status', description: 'How the server is doing', mimeType: 'application/json' },
    (uri) => ({
      contents: [
        {
          uri,
          mimeType: 'application/json',
          text: JSON.stringify({
            sessions: mcp.sessionCount,
            ticks,
            uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
          }),
        },
      ],
    }),
  )

  mcp.prompt(
    'explain',
    {
      title: 'Explain',
      description: 'Asks the model to explain a topic',
      arguments: z.object({
        topic: z.string().describe('What to explain'),
        audience: z.string().optional().describe('Who it is for'),
      }),
    },
    ({ topic, audience }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: `Explain ${topic} to ${audience ?? 'a new teammate'} in three sentences.`,
          },
        },
      ],
    }),
  )

  // A broadcast is serialised once and written to every open stream, on every wire generation.
  mcp.every(tickMs, (server) => {
    ticks += 1
    return server.log('info', { tick: ticks, at: new Date().toISOString() }, 'clock')
  })

  const app = new Hono()
  app.get('/', (c) => c.text('Hello from your own Hono app. The MCP server is at /mcp.\n'))
  app.use(
    '/mcp/*',
    // Load balancers probe the health endpoint without credentials.
    except(
      '/mcp/health',
      bearerAuth({
        token: apiKey,
        noAuthenticationHeader: { message: 'Send Authorization: Bearer <your API key>' },
        invalidToken: { message: 'That API key is not valid' },
      }),
    ),
  )
  app.route('/mcp', mcp.app())
  return { app, mcp }
}

/** Options of {@link startServer}: those of {@link createApp}, plus where to listen. */
export interface StartOptions extends QuickstartOptions {
  /**
   * The port; `0` picks a free one.
   * @default 3000
   */
  port?: number
  /** @default '127.0.0.1' */
  hostname?: string
}

/** A running quickstart server. */
export interface RunningQuickstart {
  /** Where the app answers, e.g. `http://127.0.0.1:3000`. */
  origin: string
  /** The Streamable HTTP endpoint, `<origin>/mcp`. */
  url: string
  /** The MCP server inside the app. */
  mcp: McpServer
  /** Ends every session and stream, stops the broadcast, closes the socket. */
  close(): Promise<void>
}

/**
 * Builds the app and serves it on `node:http`.
 *
 * @example
 * ```ts
 * const running = await startServer({ apiKey: 'secret', port: 0 })
 * console.log(running.url) // http://127.0.0.1:54321/mcp
 * ```
 */
export async function startServer(options: StartOptions): Promise<RunningQuickstart> {
  const { port = 3000, hostname = '127.0.0.1', ...appOptions } = options
  const { app, mcp } = createApp(appOptions)
  // serve() given a Hono app leaves the McpServer to us: start it now (the broadcast's lifespan)
  // and close it before the socket.
  await mcp.start()
  const running = await serve(app, { port, hostname })
  const origin = running.url.slice(0, -'/mcp'.length)
  return {
    origin,
    url: `${origin}/mcp`,
    mcp,
    async close() {
      await mcp.close()
      await running.close()
    },
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
