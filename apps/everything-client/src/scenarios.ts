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
}

/** What a scenario the client does not know gets: the handshake, the tools, a clean close. */
export const fallbackScenario: Scenario = (input) =>
  withClient(input, async (client) => {
    const { tools } = await client.listTools()
    input.log(`listed ${tools.length} tools`)
  })
