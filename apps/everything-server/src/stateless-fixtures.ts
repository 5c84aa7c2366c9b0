/**
 * The fixtures of the 2026-07-28 (stateless) conformance scenarios: multi round-trip tools and a
 * prompt, the diagnostics of `server-stateless`, and a tool with an `x-mcp-header` parameter.
 * They are ordinary definitions: `ctx.elicit()`, `ctx.sample()` and `ctx.roots()` answer with
 * `input_required` for a 2026 client and send a server request in a 2025 session.
 * @module
 */
import type { HandlerContext, McpServer } from '@mcp-sse/server'
import { z } from 'zod'

const text = (value: string) => ({ content: [{ type: 'text' as const, text: value }] })

const askName = (ctx: HandlerContext) =>
  ctx.elicit(
    {
      message: 'What is your name?',
      requestedSchema: {
        type: 'object',
        properties: { name: { type: 'string', description: 'Your name' } },
        required: ['name'],
      },
    },
    { key: 'user_name' },
  )

const askCapital = (ctx: HandlerContext, key = 'capital') =>
  ctx.sample(
    {
      messages: [
        { role: 'user', content: { type: 'text', text: 'What is the capital of France?' } },
      ],
      maxTokens: 100,
    },
    { key },
  )

function sampledText(result: { content: unknown }): string {
  const [first] = (Array.isArray(result.content) ? result.content : [result.content]) as {
    type?: string
    text?: string
  }[]
  return first?.type === 'text' ? String(first.text) : JSON.stringify(first)
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms)
  })

/** Registers the multi round-trip tools (`input-required-result-*` scenarios). */
function registerInputRequiredTools(server: McpServer): void {
  server.tool(
    'test_input_required_result_elicitation',
    { description: 'Asks for the user’s name (elicitation, key user_name), then greets them' },
    async (_args, ctx) => {
      const answer = await askName(ctx)
      if (answer.action !== 'accept') return text(`No name given (${answer.action}).`)
      return text(`Hello, ${String(answer.content?.name)}!`)
    },
  )

  server.tool(
    'test_input_required_result_sampling',
    { description: 'Asks the client’s LLM a question (sampling), then reports the answer' },
    async (_args, ctx) => text(`The LLM said: ${sampledText(await askCapital(ctx))}`),
  )

  server.tool(
    'test_input_required_result_list_roots',
    { description: 'Asks the client for its roots, then lists them' },
    async (_args, ctx) => {
      const { roots } = await ctx.roots({ key: 'client_roots' })
      return text(`Roots: ${roots.map((root) => root.uri).join(', ') || '(none)'}`)
    },
  )

  server.tool(
    'test_input_required_result_request_state',
    { description: 'Asks for a confirmation; the retry carries the signed requestState' },
    async (_args, ctx) => {
      const answer = await ctx.elicit(
        {
          message: 'Confirm?',
          requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } } },
        },
        { key: 'confirm' },
      )
      return text(`state-ok: ${answer.action} ${JSON.stringify(answer.content ?? {})}`)
    },
  )

  server.tool(
    'test_input_required_result_multiple_inputs',
    { description: 'Asks for a name, an LLM greeting and the roots in one round trip' },
    async (_args, ctx) => {
      // Started together, so the three are asked in one input_required result.
      const [name, greeting, roots] = await Promise.all([
        askName(ctx),
        askCapital(ctx, 'greeting'),
        ctx.roots({ key: 'client_roots' }),
      ])
      return text(
        `name=${String(name.content?.name)} greeting=${sampledText(greeting)} roots=${roots.roots.length}`,
      )
    },
  )

  server.tool(
    'test_input_required_result_multi_round',
    { description: 'Asks two questions one after the other (two round trips)' },
    async (_args, ctx) => {
      const schema = { type: 'object', properties: { value: { type: 'string' } } } as const
      const first = await ctx.elicit(
        { message: 'Step 1: first value?', requestedSchema: schema },
        { key: 'step1' },
      )
      const second = await ctx.elicit(
        { message: 'Step 2: second value?', requestedSchema: schema },
        { key: 'step2' },
      )
      return text(
        `step1=${JSON.stringify(first.content ?? {})} step2=${JSON.stringify(second.content ?? {})}`,
      )
    },
  )

  server.tool(
    'test_input_required_result_tampered_state',
    { description: 'Asks for a confirmation; a retry with an altered requestState is rejected' },
    async (_args, ctx) => {
      const answer = await ctx.elicit(
        {
          message: 'Confirm?',
          requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } } },
        },
        { key: 'confirm' },
      )
      return text(`confirmed: ${answer.action}`)
    },
  )

  server.tool(
    'test_input_required_result_capabilities',
    { description: 'Asks only for what the request’s client capabilities declare' },
    async (_args, ctx) => {
      const declared = ctx.session.clientCapabilities
      if (declared.elicitation !== undefined) {
        const answer = await askName(ctx)
        return text(`Hello, ${String(answer.content?.name)}!`)
      }
      if (declared.sampling !== undefined) {
        return text(`The LLM said: ${sampledText(await askCapital(ctx))}`)
      }
      return text('The client declared neither elicitation nor sampling.')
    },
  )

  server.prompt(
    'test_input_required_result_prompt',
    { description: 'A prompt that asks the user for context (elicitation, key user_context)' },
    async (_args, ctx) => {
      const answer = await ctx.elicit(
        {
          message: 'What context should the prompt use?',
          requestedSchema: {
            type: 'object',
            properties: { context: { type: 'string' } },
            required: ['context'],
          },
        },
        { key: 'user_context' },
      )
      const context = answer.action === 'accept' ? String(answer.content?.context) : 'none'
      return {
        messages: [
          { role: 'user', content: { type: 'text', text: `Use this context: ${context}` } },
        ],
      }
    },
  )
}

/** Registers the diagnostics the `server-stateless` scenario calls. */
function registerStatelessDiagnostics(server: McpServer): void {
  server.tool(
    'test_missing_capability',
    { description: 'Needs sampling: -32021 when the request does not declare it' },
    async (_args, ctx) => text(`The LLM said: ${sampledText(await askCapital(ctx))}`),
  )

  server.tool(
    'test_streaming_elicitation',
    {
      description:
        'Asks for a name; in 2026-07-28 that is an input_required result, never a request on the stream',
    },
    async (_args, ctx) => {
      const answer = await askName(ctx)
      return text(`Hello, ${String(answer.content?.name)}!`)
    },
  )

  server.tool(
    'test_logging_tool',
    { description: 'Logs while it runs; a 2026 client gets the logs only if it set a log level' },
    async (_args, ctx) => {
      await ctx.log('info', 'Logging tool started')
      await sleep(20)
      await ctx.log('info', 'Logging tool finished')
      return text('Logging tool done')
    },
  )

  server.tool(
    'test_trigger_tool_change',
    { description: 'Announces a change of the tool list (notifications/tools/list_changed)' },
    async () => {
      await server.broadcast('notifications/tools/list_changed')
      return text('Tool list change announced')
    },
  )

  server.tool(
    'test_trigger_prompt_change',
    { description: 'Announces a change of the prompt list (notifications/prompts/list_changed)' },
    async () => {
      await server.broadcast('notifications/prompts/list_changed')
      return text('Prompt list change announced')
    },
  )

  server.tool(
    'test_header_param',
    {
      description: 'Echoes a region that clients mirror in the Mcp-Param-Region header',
      inputSchema: z.object({
        region: z.string().describe('A region name').meta({ 'x-mcp-header': 'Region' }),
      }),
    },
    ({ region }) => text(`Region: ${region}`),
  )
}

/** Registers every 2026-07-28 fixture. */
export function registerStatelessFixtures(server: McpServer): void {
  registerInputRequiredTools(server)
  registerStatelessDiagnostics(server)
}
