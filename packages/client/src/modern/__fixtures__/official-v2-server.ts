/**
 * The official v2 server (`createMcpHandler` from `@modelcontextprotocol/server`) with one of
 * everything a 2026-07-28 client meets: plain and structured tools, progress and logs, multi
 * round-trip tools (elicitation with `requestState`, sampling + roots + elicitation in one
 * round, two rounds), an `x-mcp-header` parameter, resources, a prompt, and list changes for
 * `subscriptions/listen`. Served in-process (`fetch`) or on a real socket (127.0.0.1, port 0).
 */
import { serve, type ServerType } from '@hono/node-server'
import { handlerFetch } from '../../http/__fixtures__/handler-fetch.js'
import type { FetchFunction } from '../../http/http-client.js'
import {
  acceptedContent,
  createMcpHandler,
  fromJsonSchema,
  inputRequired,
  inputResponse,
  McpServer,
  type McpHttpHandler,
} from '@modelcontextprotocol/server'
import { z } from 'zod'

/** What the server saw, for assertions. */
export interface OfficialLog {
  /** Every POST: its JSON-RPC body and headers. */
  requests: { body: Record<string, unknown>; headers: Headers }[]
  /** `requestState` values the `confirm` tool received. */
  states: (string | undefined)[]
  /** How many times each tool ran. */
  runs: Record<string, number>
}

const regionSchema = {
  type: 'object',
  properties: {
    region: { type: 'string', 'x-mcp-header': 'Region' },
    priority: { type: 'integer', 'x-mcp-header': 'Priority' },
    query: { type: 'string' },
  },
  required: ['region', 'query'],
} as const

function text(value: string) {
  return { content: [{ type: 'text' as const, text: value }] }
}

function build(log: OfficialLog, tools: { extra: boolean }): McpServer {
  const server = new McpServer(
    { name: 'official-v2', version: '2.4.0' },
    {
      capabilities: { logging: {}, resources: { subscribe: true, listChanged: true } },
      cacheHints: { 'tools/list': { ttlMs: 60_000, cacheScope: 'public' } },
      instructions: 'Use echo to repeat things.',
    },
  )
  const ran = (name: string) => (log.runs[name] = (log.runs[name] ?? 0) + 1)

  server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text: t }) => {
    ran('echo')
    return text(t)
  })
  server.registerTool(
    'add',
    {
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      outputSchema: z.object({ sum: z.number() }),
      annotations: { readOnlyHint: true },
    },
    ({ a, b }) => ({ ...text(String(a + b)), structuredContent: { sum: a + b } }),
  )
  server.registerTool(
    'slow',
    { inputSchema: z.object({ steps: z.number() }) },
    async (args, ctx) => {
      ran('slow')
      const token = ctx.mcpReq._meta?.progressToken
      for (let step = 1; step <= args.steps; step++) {
        await new Promise((resolve) => setTimeout(resolve, 5))
        if (token !== undefined) {
          await ctx.mcpReq.notify({
            method: 'notifications/progress',
            params: { progressToken: token, progress: step, total: args.steps },
          })
        }
        // Logging is deprecated in 2026-07-28 but still served, and clients still receive it.
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        await ctx.mcpReq.log('info', `step ${String(step)}`, 'slow')
      }
      return text(`done after ${String(args.steps)} steps`)
    },
  )
  server.registerTool('confirm', { inputSchema: z.object({ action: z.string() }) }, (args, ctx) => {
    ran('confirm')
    const state = ctx.mcpReq.requestState<string>()
    log.states.push(state)
    const answer = acceptedContent(ctx.mcpReq.inputResponses, 'confirm')
    if (answer === undefined) {
      return inputRequired({
        inputRequests: {
          confirm: inputRequired.elicit({
            message: `Really ${args.action}?`,
            requestedSchema: {
              type: 'object',
              properties: {
                confirmed: { type: 'boolean', default: true },
                by: { type: 'string', default: 'nobody' },
              },
            },
          }),
        },
        requestState: `state-for-${args.action}`,
      })
    }
    return text(`${args.action}: ${JSON.stringify(answer)} (${String(state)})`)
  })
  server.registerTool('trio', {}, (ctx) => {
    ran('trio')
    const responses = ctx.mcpReq.inputResponses
    const who = acceptedContent(responses, 'who')
    const sampled = inputResponse(responses, 'hello')
    const roots = inputResponse(responses, 'roots')
    if (who === undefined || sampled.kind !== 'sampling' || roots.kind !== 'roots') {
      return inputRequired({
        inputRequests: {
          who: inputRequired.elicit({
            message: 'Who?',
            requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
          }),
          hello: inputRequired.createMessage({
            messages: [{ role: 'user', content: { type: 'text', text: 'Say hello' } }],
            maxTokens: 10,
          }),
          roots: inputRequired.listRoots(),
        },
      })
    }
    const content = sampled.result.content
    const said = !Array.isArray(content) && content.type === 'text' ? content.text : '?'
    return text(`${said} ${String(who.name)} (${String(roots.roots.length)} roots)`)
  })
  server.registerTool('steps', {}, (ctx) => {
    ran('steps')
    const first = acceptedContent(ctx.mcpReq.inputResponses, 'step1')
    const state = ctx.mcpReq.requestState<string>()
    const schema = { type: 'object' as const, properties: { value: { type: 'string' as const } } }
    if (state === undefined) {
      if (first === undefined) {
        return inputRequired({
          inputRequests: { step1: inputRequired.elicit({ message: '1', requestedSchema: schema }) },
        })
      }
      return inputRequired({
        inputRequests: { step2: inputRequired.elicit({ message: '2', requestedSchema: schema }) },
        requestState: String(first.value),
      })
    }
    const second = acceptedContent(ctx.mcpReq.inputResponses, 'step2')
    return text(`${state} then ${String(second?.value)}`)
  })
  server.registerTool(
    'region',
    { inputSchema: fromJsonSchema<{ region: string; query: string }>(regionSchema) },
    (args) => text(`${args.region}: ${args.query}`),
  )
  if (tools.extra) server.registerTool('extra', {}, () => text('extra'))

  server.registerResource('config', 'config://app', { mimeType: 'text/plain' }, (uri) => ({
    contents: [{ uri: uri.href, text: 'debug=true' }],
  }))
  server.registerPrompt('greet', { argsSchema: z.object({ name: z.string() }) }, ({ name }) => ({
    messages: [{ role: 'user', content: { type: 'text', text: `Hello ${name}` } }],
  }))
  return server
}

/** A v2 `createMcpHandler` server and what it saw. */
export interface OfficialServer {
  handler: McpHttpHandler
  log: OfficialLog
  /** The handler's `fetch`, recording every request: for in-process use. */
  fetch: FetchFunction
  /** Adds (or removes) the `extra` tool and announces it on every listen stream. */
  setExtraTool(present: boolean): void
}

/** Builds the server; `responseMode` as `createMcpHandler` takes it. */
export function createOfficialServer(
  options: { responseMode?: 'auto' | 'sse' | 'json' } = {},
): OfficialServer {
  const log: OfficialLog = { requests: [], states: [], runs: {} }
  const tools = { extra: false }
  const handler = createMcpHandler(() => build(log, tools), {
    responseMode: options.responseMode ?? 'auto',
    keepAliveMs: 0,
  })
  const fetch = async (request: Request) => {
    if (request.method === 'POST') {
      const body = (await request.clone().json()) as Record<string, unknown>
      log.requests.push({ body, headers: new Headers(request.headers) })
    }
    return handler.fetch(request)
  }
  return {
    handler,
    log,
    fetch: handlerFetch(fetch),
    setExtraTool(present) {
      tools.extra = present
      handler.notify.toolsChanged()
    },
  }
}

/** The server on a real socket. */
export interface RunningOfficialServer extends OfficialServer {
  url: string
  close(): Promise<void>
}

/** Serves {@link createOfficialServer} on 127.0.0.1 with a free port, at `/mcp`. */
export async function startOfficialServer(
  options: { responseMode?: 'auto' | 'sse' | 'json' } = {},
): Promise<RunningOfficialServer> {
  const official = createOfficialServer(options)
  let server: ServerType | undefined
  const port = await new Promise<number>((resolve) => {
    server = serve(
      { fetch: (request) => official.fetch(request), port: 0, hostname: '127.0.0.1' },
      (info) => {
        resolve(info.port)
      },
    )
  })
  return {
    ...official,
    url: `http://127.0.0.1:${String(port)}/mcp`,
    async close() {
      await official.handler.close()
      await new Promise<void>((resolve) => {
        if (server === undefined) {
          resolve()
          return
        }
        ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
        server.close(() => {
          resolve()
        })
      })
    },
  }
}
