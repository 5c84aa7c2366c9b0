/**
 * What the official conformance suite expects of a client, scenario by scenario. Each scenario
 * gets the URL of the suite's mock server and does what a user of `@mcp-sse/client` would.
 * @module
 */
import { connect, type ConnectOptions, type McpClient, type Tool } from '@mcp-sse/client'

/** What a scenario is given. */
export interface ScenarioInput {
  /** The mock server's URL (the last command-line argument). */
  url: string
  /** `MCP_CONFORMANCE_CONTEXT`, parsed (the auth scenarios put credentials there). */
  context: Record<string, unknown>
  /** Where progress is told, for a person reading the suite's output. */
  log: (line: string) => void
}

export type Scenario = (input: ScenarioInput) => Promise<void>

const clientInfo = { name: 'mcp-sse-everything-client', version: '0.0.0' }

/**
 * The era the suite asks for: `MCP_CONFORMANCE_PROTOCOL_VERSION=2026-07-28` speaks the
 * stateless wire only, a 2025 or 2024 version the legacy wire only, nothing set negotiates.
 */
export function eraFor(version: string | undefined): ConnectOptions['era'] {
  if (version === undefined || version === '') return 'auto'
  return version >= '2026-07-28' ? 'modern' : 'legacy'
}

/** Connects as every scenario does: as a client that accepts elicitations with the defaults. */
export function connectFor(url: string, options: ConnectOptions = {}): Promise<McpClient> {
  return connect(url, {
    clientInfo,
    memory: false,
    // Accept whatever is asked without filling anything in: the client applies the schema's
    // defaults to every field left out (SEP-1034).
    onElicitation: () => ({ action: 'accept', content: {} }),
    onSampling: (params) => ({
      role: 'assistant',
      model: 'mcp-sse-everything-client',
      content: { type: 'text', text: `Echo: ${JSON.stringify(params.messages.at(-1)?.content)}` },
    }),
    roots: [],
    era: eraFor(process.env.MCP_CONFORMANCE_PROTOCOL_VERSION),
    ...options,
  })
}

async function withClient(
  input: ScenarioInput,
  run: (client: McpClient) => Promise<void>,
): Promise<void> {
  const client = await connectFor(input.url)
  input.log(`connected over ${client.transport}, protocol ${client.protocolVersion}`)
  try {
    await run(client)
  } finally {
    await client.close()
  }
}

function find(tools: Tool[], name: string): Tool {
  const tool = tools.find((candidate) => candidate.name === name)
  if (tool === undefined) throw new Error(`The server has no tool named ${name}`)
  return tool
}

/** Calls every tool the server lists, with arguments made from its input schema. */
async function callEveryTool(client: McpClient, log: ScenarioInput['log']): Promise<void> {
  const { tools } = await client.listTools()
  for (const tool of tools) {
    const result = await client.callTool(tool.name, sampleArguments(tool))
    log(`${tool.name} -> ${JSON.stringify(result.content).slice(0, 200)}`)
  }
}

/** Arguments that satisfy the common shapes of an input schema: numbers, strings, booleans. */
export function sampleArguments(tool: Tool): Record<string, unknown> {
  const properties = (tool.inputSchema.properties ?? {}) as Record<string, { type?: unknown }>
  const args: Record<string, unknown> = {}
  let number = 1
  for (const [name, property] of Object.entries(properties)) {
    if (property.type === 'number' || property.type === 'integer') args[name] = number++
    else if (property.type === 'boolean') args[name] = true
    else if (property.type === 'string') args[name] = name
  }
  return args
}

/** Runs `step`, logging instead of failing: for scenarios whose mock answers some calls with errors. */
async function tolerate(log: ScenarioInput['log'], what: string, step: () => Promise<unknown>) {
  try {
    await step()
    log(`${what}: ok`)
  } catch (error) {
    log(`${what}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** `context.toolCalls` of the custom-headers scenario. */
function toolCallsOf(context: Record<string, unknown>): { name: string; arguments: object }[] {
  const calls = context.toolCalls
  if (!Array.isArray(calls)) throw new Error('MCP_CONFORMANCE_CONTEXT has no toolCalls')
  return calls as { name: string; arguments: object }[]
}

/** The scenarios, by the name the suite gives them. */
export const scenarios: Record<string, Scenario> = {
  initialize: (input) => withClient(input, () => Promise.resolve()),

  tools_call: (input) => withClient(input, (client) => callEveryTool(client, input.log)),

  'elicitation-sep1034-client-defaults': (input) =>
    withClient(input, (client) => callEveryTool(client, input.log)),

  // The mock closes the tool's stream after a priming event with `retry: 500`; the client waits
  // that long and resumes with GET + Last-Event-ID, where the result arrives.
  'sse-retry': (input) => withClient(input, (client) => callEveryTool(client, input.log)),

  'json-schema-2020-12-preservation': (input) =>
    withClient(input, async (client) => {
      const { tools } = await client.listTools()
      const focal = find(tools, 'json_schema_2020_12_tool')
      await client.callTool('json_schema_echo', { schema: focal.inputSchema })
      input.log(`echoed the input schema of ${focal.name}`)
    }),

  // ---- 2026-07-28 -------------------------------------------------------------------------
  // The mock refuses the first POST with -32022; connect() retries with a version it lists.
  'request-metadata': (input) => withClient(input, (client) => callEveryTool(client, input.log)),

  // Input-required rounds: the same onElicitation answers, the state goes back verbatim. The
  // calls run at once so the suite can check that their states do not mix.
  'sep-2322-client-request-state': (input) =>
    withClient(input, async (client) => {
      const names = [
        'test_mrtr_echo_state',
        'test_mrtr_no_state',
        'test_mrtr_unrelated',
        'test_mrtr_no_result_type',
      ]
      await Promise.all(
        names.map((name) => tolerate(input.log, name, () => client.callTool(name, {}))),
      )
    }),

  'http-standard-headers': (input) =>
    withClient(input, async (client) => {
      const { tools } = await client.listTools()
      for (const tool of tools) {
        await tolerate(input.log, tool.name, () => client.callTool(tool.name, {}))
      }
      const { resources } = await client.listResources()
      for (const resource of resources) {
        await tolerate(input.log, resource.uri, () => client.readResource(resource.uri))
      }
      const { prompts } = await client.listPrompts()
      for (const prompt of prompts) {
        await tolerate(input.log, prompt.name, () => client.getPrompt(prompt.name))
      }
    }),

  'http-custom-headers': (input) =>
    withClient(input, async (client) => {
      await client.listTools()
      for (const call of toolCallsOf(input.context)) {
        await client.callTool(call.name, call.arguments as Record<string, unknown>)
      }
    }),

  // Tools with invalid x-mcp-header annotations are left out of listTools(): only valid_tool.
  'http-invalid-tool-headers': (input) =>
    withClient(input, async (client) => {
      const { tools } = await client.listTools()
      for (const tool of tools) {
        await tolerate(input.log, tool.name, () =>
          client.callTool(tool.name, { region: 'us-west1' }),
        )
      }
    }),

  // Listing is the whole scenario: a network $ref in an input schema is never fetched.
  'json-schema-ref-no-deref': (input) =>
    withClient(input, async (client) => {
      const { tools } = await client.listTools()
      input.log(`listed ${tools.map((tool) => tool.name).join(', ')}`)
    }),
}

/** What a scenario the client does not know gets: the handshake, the tools, a clean close. */
export const fallbackScenario: Scenario = (input) =>
  withClient(input, async (client) => {
    const { tools } = await client.listTools()
    input.log(`listed ${tools.length} tools`)
  })
