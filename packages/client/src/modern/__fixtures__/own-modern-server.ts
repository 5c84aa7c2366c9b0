/**
 * Our server's 2026-07-28 side, `ModernDispatcher` over the real era-neutral handlers and
 * definitions, as a `fetch` function: the in-process counterpart of the official v2 fixture.
 * Imported by relative path because the dispatcher is not wired into `McpServer` yet.
 */
import { z } from 'zod'
import { handlerFetch } from '../../http/__fixtures__/handler-fetch.js'
import type { FetchFunction } from '../../http/http-client.js'
import { definePrompt, type PromptDefinition } from '../../../../server/src/definitions/prompts.js'
import { Registry } from '../../../../server/src/definitions/registry.js'
import {
  defineResource,
  type ResourceDefinition,
  type ResourceTemplateDefinition,
} from '../../../../server/src/definitions/resources.js'
import { defineTool, type ToolDefinition } from '../../../../server/src/definitions/tools.js'
import { createMethodHandlers } from '../../../../server/src/handlers/methods.js'
import { ModernDispatcher } from '../../../../server/src/modern/dispatcher.js'
import { invokerFromHandlers } from '../../../../server/src/modern/invoker.js'
import { channels, MemoryMessageBus } from '../../../../server/src/state/message-bus.js'

/** The dispatcher as a `fetch`, and the levers the tests pull. */
export interface OwnModernServer {
  fetch: FetchFunction
  /** Announces a change of the tool list on every listen stream. */
  toolsChanged(): void
  /** Announces an update of `uri` to the streams subscribed to it. */
  resourceUpdated(uri: string): void
  /** Ends every listen stream gracefully, as a server shutting down does. */
  endStreams(): void
  /** How many times each tool ran. */
  runs: Record<string, number>
}

const nameSchema = {
  type: 'object' as const,
  properties: { name: { type: 'string' as const, default: 'stranger' } },
}

/** Builds the dispatcher with tools that elicit, sample, ask for roots, stream and route. */
export function createOwnModernServer(): OwnModernServer {
  const runs: Record<string, number> = {}
  const ran = (name: string) => (runs[name] = (runs[name] ?? 0) + 1)
  const noop = () => {}
  const tools = new Registry<ToolDefinition>('tool', noop)
  const resources = new Registry<ResourceDefinition>('resource', noop)
  const templates = new Registry<ResourceTemplateDefinition>('resource template', noop)
  const prompts = new Registry<PromptDefinition>('prompt', noop)
  const addTool = (definition: ToolDefinition) => {
    tools.add(definition.name, definition, (current) => current)
  }

  addTool(
    defineTool('greet', { inputSchema: z.object({ greeting: z.string() }) }, async (args, ctx) => {
      ran('greet')
      const { greeting } = args as { greeting: string }
      const answer = await ctx.elicit({ message: 'Your name?', requestedSchema: nameSchema })
      const name = answer.action === 'accept' ? String(answer.content?.name) : 'nobody'
      return { content: [{ type: 'text', text: `${greeting}, ${name}!` }] }
    }),
  )
  addTool(
    defineTool('trio', {}, async (_args, ctx) => {
      ran('trio')
      const [who, hello, roots] = await Promise.all([
        ctx.elicit({ message: 'Who?', requestedSchema: nameSchema }),
        ctx.sample({
          messages: [{ role: 'user', content: { type: 'text', text: 'Say hello' } }],
          maxTokens: 20,
        }),
        ctx.roots(),
      ])
      const [first] = Array.isArray(hello.content) ? hello.content : [hello.content]
      const said = first?.type === 'text' ? first.text : ''
      const text = `${said} ${String(who.content?.name)} (${String(roots.roots.length)} roots)`
      return { content: [{ type: 'text', text }] }
    }),
  )
  addTool(
    defineTool('chatty', {}, async (_args, ctx) => {
      ran('chatty')
      await ctx.progress(1, 2, 'half')
      await ctx.log('info', 'halfway')
      await ctx.progress(2, 2)
      return { content: [{ type: 'text', text: 'spoke' }] }
    }),
  )
  addTool(
    defineTool(
      'execute_sql',
      {
        inputSchema: {
          type: 'object',
          properties: {
            region: { type: 'string', 'x-mcp-header': 'Region' },
            query: { type: 'string' },
          },
          required: ['region', 'query'],
        },
      },
      (args) => {
        ran('execute_sql')
        const { region, query } = args as { region: string; query: string }
        return { content: [{ type: 'text', text: `${query} in ${region}` }] }
      },
    ),
  )
  resources.add(
    'test://static',
    defineResource('test://static', { name: 'static', mimeType: 'text/plain' }, (uri) => ({
      contents: [{ uri, text: 'static text' }],
    })),
    (current) => current,
  )
  prompts.add(
    'context_prompt',
    definePrompt('context_prompt', {}, async (_args, ctx) => {
      const answer = await ctx.elicit({ message: 'Which context?', requestedSchema: nameSchema })
      const text = `Context: ${String(answer.content?.name)}`
      return { messages: [{ role: 'user', content: { type: 'text', text } }] }
    }),
    (current) => current,
  )

  const bus = new MemoryMessageBus()
  const dispatcher = new ModernDispatcher({
    serverInfo: { name: 'mcp-sse-modern', version: '0.0.0' },
    instructions: 'Our own 2026-07-28 dispatcher.',
    capabilities: () => ({
      logging: {},
      tools: { listChanged: true },
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: true },
    }),
    invoke: invokerFromHandlers(
      createMethodHandlers({ tools, resources, templates, prompts, pageSize: undefined }),
    ),
    bus,
    toolInputSchema: (name) => tools.get(name)?.tool.inputSchema,
    caching: { default: { ttlMs: 60_000, cacheScope: 'private' } },
  })

  return {
    runs,
    fetch: handlerFetch(async (request) => {
      if (request.method !== 'POST') return new Response(null, { status: 405 })
      return dispatcher.handle({
        message: (await request.json()) as unknown,
        headers: request.headers,
        signal: request.signal,
      })
    }),
    toolsChanged() {
      const data = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' })
      bus.publish(channels.broadcast, { type: 'broadcast', data })
    },
    resourceUpdated(uri) {
      void dispatcher.resourceUpdated(uri)
    },
    endStreams() {
      dispatcher.close()
    },
  }
}
