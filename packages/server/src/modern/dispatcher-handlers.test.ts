/**
 * The 2026-07-28 dispatcher over the server's real era-neutral handlers (handlers/methods.ts,
 * handlers/context.ts, the definitions): the same handler code a 2025 session runs.
 */
import { ErrorCode, v2026_07_28 } from '@mcp-sse/protocol'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { definePrompt, type PromptDefinition } from '../definitions/prompts.js'
import { Registry } from '../definitions/registry.js'
import {
  defineResource,
  defineResourceTemplate,
  type ResourceDefinition,
  type ResourceTemplateDefinition,
} from '../definitions/resources.js'
import { defineTool, type ToolDefinition } from '../definitions/tools.js'
import { createMethodHandlers } from '../handlers/methods.js'
import { MemoryMessageBus } from '../state/message-bus.js'
import type { ServerCapabilities } from '../types.js'
import { modernRequest, readReply } from './__fixtures__/requests.js'
import type { CacheHint, DefinitionCacheHints } from './caching.js'
import { ModernDispatcher } from './dispatcher.js'
import { invokerFromHandlers } from './invoker.js'

const noop = () => {}
const tools = new Registry<ToolDefinition>('tool', noop)
const resources = new Registry<ResourceDefinition>('resource', noop)
const templates = new Registry<ResourceTemplateDefinition>('resource template', noop)
const prompts = new Registry<PromptDefinition>('prompt', noop)

function addTool(definition: ToolDefinition): void {
  tools.add(definition.name, definition, (current) => current)
}

const nameSchema = {
  type: 'object' as const,
  properties: { name: { type: 'string' as const } },
  required: ['name'],
}

addTool(
  defineTool('greet', { inputSchema: z.object({ greeting: z.string() }) }, async (args, ctx) => {
    const { greeting } = args as { greeting: string }
    const answer = await ctx.elicit({ message: 'What is your name?', requestedSchema: nameSchema })
    const name = answer.action === 'accept' ? String(answer.content?.name) : 'stranger'
    return { content: [{ type: 'text', text: `${greeting}, ${name}!` }] }
  }),
)
addTool(
  defineTool('trio', {}, async (_args, ctx) => {
    const [who, hello, roots] = await Promise.all([
      ctx.elicit({ message: 'Who?', requestedSchema: nameSchema }),
      ctx.sample({
        messages: [{ role: 'user', content: { type: 'text', text: 'Say hello' } }],
        maxTokens: 20,
      }),
      ctx.roots(),
    ])
    const [first] = Array.isArray(hello.content) ? hello.content : [hello.content]
    const text = first?.type === 'text' ? first.text : ''
    return {
      content: [
        {
          type: 'text',
          text: `${text} ${String(who.content?.name)} (${String(roots.roots.length)})`,
        },
      ],
    }
  }),
)
addTool(
  defineTool('needs_sampling', {}, async (_args, ctx) => {
    await ctx.sample({ messages: [], maxTokens: 5 })
    return { content: [] }
  }),
)
addTool(
  defineTool('chatty', {}, async (_args, ctx) => {
    await ctx.progress(1, 2, 'half')
    await ctx.log('debug', 'details')
    await ctx.log('error', 'trouble')
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
        properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
      },
    },
    (args) => ({
      content: [{ type: 'text', text: `ran in ${String((args as { region?: string }).region)}` }],
    }),
  ),
)
resources.add(
  'test://static',
  defineResource('test://static', { name: 'static', mimeType: 'text/plain' }, (uri) => ({
    contents: [{ uri, text: 'static text' }],
  })),
  (current) => current,
)
templates.add(
  'test://item/{id}',
  defineResourceTemplate('test://item/{id}', { name: 'item' }, (uri, variables) => ({
    contents: [{ uri, text: `item ${String(variables.id)}` }],
  })),
  (current) => current,
)
prompts.add(
  'context_prompt',
  definePrompt('context_prompt', {}, async (_args, ctx) => {
    const answer = await ctx.elicit({ message: 'Which context?', requestedSchema: nameSchema })
    return {
      messages: [
        {
          role: 'user',
          content: { type: 'text', text: `Context: ${String(answer.content?.name)}` },
        },
      ],
    }
  }),
  (current) => current,
)

/** What McpServer declares for these definitions. */
const capabilities: ServerCapabilities = {
  logging: {},
  tools: { listChanged: true },
  resources: { subscribe: true, listChanged: true },
  prompts: { listChanged: true },
  completions: {},
}

/** Per-definition hints as the integration reads them from a `cache` config field. */
const definitionHints: Partial<Record<string, CacheHint>> = {
  'tool:greet': { ttlMs: 5_000 },
  'resource:test://static': { ttlMs: 86_400_000, cacheScope: 'public' },
}
const cacheHints: DefinitionCacheHints = {
  get: (kind, key) => definitionHints[`${kind}:${key}`],
  anyPrivate: (kind) =>
    Object.entries(definitionHints).some(
      ([key, hint]) => key.startsWith(`${kind}:`) && hint?.cacheScope === 'private',
    ),
}

const dispatcher = new ModernDispatcher({
  serverInfo: { name: 'real-handlers', version: '1.0.0' },
  capabilities: () => capabilities,
  invoke: invokerFromHandlers(
    createMethodHandlers({ tools, resources, templates, prompts, pageSize: undefined }),
  ),
  bus: new MemoryMessageBus(),
  toolInputSchema: (name) => tools.get(name)?.tool.inputSchema,
  cacheHints,
  caching: { default: { ttlMs: 60_000, cacheScope: 'public' } },
})

const ALL = { elicitation: {}, sampling: {}, roots: {} }

async function send(...args: Parameters<typeof modernRequest>) {
  return readReply(await dispatcher.handle(modernRequest(...args)))
}

describe('ModernDispatcher over the real method handlers', () => {
  it('lists tools with the 2026-07-28 envelope and the per-definition ttl', async () => {
    const reply = await send('tools/list')
    const { result } = v2026_07_28.ListToolsResultResponseSchema.parse(reply.last)
    expect(result.tools.map((tool) => tool.name)).toEqual([
      'greet',
      'trio',
      'needs_sampling',
      'chatty',
      'execute_sql',
    ])
    expect(result).toMatchObject({ resultType: 'complete', ttlMs: 5_000, cacheScope: 'public' })
  })

  it('runs ctx.elicit() as a multi round trip with the same tool code', async () => {
    const params = { name: 'greet', arguments: { greeting: 'Hello' } }
    const first = await send('tools/call', params, { capabilities: ALL })
    const interim = v2026_07_28.CallToolResultResponseSchema.parse(first.last).result as {
      resultType: string
      inputRequests: Record<string, { method: string }>
      requestState: string
    }
    expect(interim.resultType).toBe('input_required')
    expect(Object.keys(interim.inputRequests)).toEqual(['elicitation/create#1'])
    const retry = await send(
      'tools/call',
      {
        ...params,
        inputResponses: {
          'elicitation/create#1': { action: 'accept', content: { name: 'Ada' } },
        },
        requestState: interim.requestState,
      },
      { capabilities: ALL },
    )
    const done = v2026_07_28.CallToolResultResponseSchema.parse(retry.last).result
    expect(done).toMatchObject({
      resultType: 'complete',
      content: [{ type: 'text', text: 'Hello, Ada!' }],
    })
  })

  it('asks for elicitation, sampling and roots started together in one round', async () => {
    const first = await send('tools/call', { name: 'trio', arguments: {} }, { capabilities: ALL })
    const interim = (first.last as { result: Record<string, unknown> }).result as {
      inputRequests: Record<string, { method: string }>
      requestState: string
    }
    expect(Object.values(interim.inputRequests).map((entry) => entry.method)).toEqual([
      'elicitation/create',
      'sampling/createMessage',
      'roots/list',
    ])
    const answers: Record<string, unknown> = {}
    for (const [key, entry] of Object.entries(interim.inputRequests)) {
      answers[key] =
        entry.method === 'elicitation/create'
          ? { action: 'accept', content: { name: 'Ada' } }
          : entry.method === 'sampling/createMessage'
            ? { role: 'assistant', content: { type: 'text', text: 'Hi' }, model: 'm' }
            : { roots: [{ uri: 'file:///a' }, { uri: 'file:///b' }] }
    }
    const retry = await send(
      'tools/call',
      { name: 'trio', arguments: {}, inputResponses: answers, requestState: interim.requestState },
      { capabilities: ALL },
    )
    expect(retry.last).toMatchObject({ result: { content: [{ text: 'Hi Ada (2)' }] } })
  })

  it('answers -32021 when the tool needs a capability the request did not declare', async () => {
    const reply = await send('tools/call', { name: 'needs_sampling', arguments: {} })
    expect(reply.status).toBe(400)
    expect(reply.last).toMatchObject({
      error: {
        code: ErrorCode.MissingRequiredClientCapability,
        data: { requiredCapabilities: { sampling: {} } },
      },
    })
  })

  it('sends progress and, only with a log level, the logs that pass it', async () => {
    const quiet = await send('tools/call', { name: 'chatty', arguments: {} })
    expect(quiet.type).toBe('application/json')
    const loud = await send(
      'tools/call',
      { name: 'chatty', arguments: {} },
      {
        meta: { progressToken: 'tok', 'io.modelcontextprotocol/logLevel': 'warning' },
      },
    )
    expect(loud.messages.map((message) => message.method ?? 'response')).toEqual([
      'notifications/progress',
      'notifications/message',
      'notifications/progress',
      'response',
    ])
    expect(loud.messages[1]).toMatchObject({ params: { level: 'error', data: 'trouble' } })
    v2026_07_28.LoggingMessageNotificationSchema.parse(loud.messages[1])
  })

  it('reads resources with their own caching hint, and a missing one is -32602 with the uri', async () => {
    const read = await send('resources/read', { uri: 'test://static' })
    const { result } = v2026_07_28.ReadResourceResultResponseSchema.parse(read.last)
    expect(result).toMatchObject({
      ttlMs: 86_400_000,
      cacheScope: 'public',
      resultType: 'complete',
    })
    const item = await send('resources/read', { uri: 'test://item/42' })
    expect(item.last).toMatchObject({ result: { contents: [{ text: 'item 42' }], ttlMs: 60_000 } })
    const missing = await send('resources/read', {
      uri: 'test://nonexistent-resource-for-conformance-testing',
    })
    expect(missing.last).toMatchObject({
      error: {
        code: ErrorCode.InvalidParams,
        data: { uri: 'test://nonexistent-resource-for-conformance-testing' },
      },
    })
  })

  it('answers input_required on prompts/get too', async () => {
    const first = await send('prompts/get', { name: 'context_prompt' }, { capabilities: ALL })
    const interim = v2026_07_28.GetPromptResultResponseSchema.parse(first.last).result
    expect(interim.resultType).toBe('input_required')
    const { requestState } = interim as { requestState: string }
    const retry = await send(
      'prompts/get',
      {
        name: 'context_prompt',
        inputResponses: { 'elicitation/create#1': { action: 'accept', content: { name: 'docs' } } },
        requestState,
      },
      { capabilities: ALL },
    )
    const done = v2026_07_28.GetPromptResultResponseSchema.parse(retry.last).result
    expect(done).toMatchObject({ messages: [{ content: { text: 'Context: docs' } }] })
  })

  it('checks Mcp-Param headers against the published input schema', async () => {
    const ok = await send(
      'tools/call',
      { name: 'execute_sql', arguments: { region: 'us-west1' } },
      { headers: { 'Mcp-Param-Region': 'us-west1' } },
    )
    expect(ok.last).toMatchObject({ result: { content: [{ text: 'ran in us-west1' }] } })
    const missing = await send('tools/call', {
      name: 'execute_sql',
      arguments: { region: 'us-west1' },
    })
    expect(missing.status).toBe(400)
    expect(missing.last).toMatchObject({ error: { code: ErrorCode.HeaderMismatch } })
  })

  it('lists resources, templates and prompts, and completes', async () => {
    const listed = await send('resources/list')
    v2026_07_28.ListResourcesResultResponseSchema.parse(listed.last)
    const templateList = await send('resources/templates/list')
    v2026_07_28.ListResourceTemplatesResultResponseSchema.parse(templateList.last)
    const promptList = await send('prompts/list')
    v2026_07_28.ListPromptsResultResponseSchema.parse(promptList.last)
    const completion = await send('completion/complete', {
      ref: { type: 'ref/prompt', name: 'context_prompt' },
      argument: { name: 'x', value: '' },
    })
    v2026_07_28.CompleteResultResponseSchema.parse(completion.last)
  })
})
