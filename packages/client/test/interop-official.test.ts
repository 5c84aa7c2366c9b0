/**
 * Our client against the official `@modelcontextprotocol/sdk` servers, over real sockets.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  connect,
  createTransportMemory,
  McpError,
  type ConnectOptions,
  type McpClient,
  type ToolEvent,
} from '../src/index.js'
import { startSse, startStreamableHttp, type RunningServer } from './fixtures/official-server.js'

let server: RunningServer | undefined
let client: McpClient | undefined

afterEach(async () => {
  await client?.close()
  await server?.close()
  client = undefined
  server = undefined
})

const handlers: ConnectOptions = {
  memory: false,
  onElicitation: () => ({ action: 'accept', content: { age: 42 } }),
  onSampling: (params) => ({
    role: 'assistant',
    model: 'test-model',
    content: { type: 'text', text: `sampled: ${JSON.stringify(params.messages[0]?.content)}` },
  }),
  roots: [{ uri: 'file:///work', name: 'work' }],
}

function text(result: { content: unknown[] }): string {
  return result.content.map((block) => (block as { text?: string }).text ?? '').join('')
}

/** Everything a user does, checked against one server. */
async function exercise(connected: McpClient) {
  const { tools } = await connected.listTools()
  expect(tools.map((tool) => tool.name)).toEqual(
    expect.arrayContaining(['echo', 'add', 'slow', 'ask', 'sample', 'roots', 'tool-4']),
  )
  expect(text(await connected.callTool('echo', { text: 'hi' }))).toBe('hi')
  const sum = await connected.callTool('add', { a: 2, b: 3 })
  expect(sum.structuredContent).toEqual({ sum: 5 })

  const progress: number[] = []
  const slow = await connected.callTool(
    'slow',
    { steps: 3, delayMs: 5 },
    {
      onProgress: (p) => progress.push(p.progress),
    },
  )
  expect(text(slow)).toBe('done after 3 steps')
  expect(progress).toEqual([1, 2, 3])

  const elicited = JSON.parse(text(await connected.callTool('ask', { message: 'Who?' }))) as unknown
  expect(elicited).toEqual({
    action: 'accept',
    content: { name: 'John Doe', age: 42, subscribe: true },
  })
  expect(text(await connected.callTool('sample', { prompt: 'x' }))).toBe(
    'sampled: {"type":"text","text":"x"}',
  )
  expect(text(await connected.callTool('roots', {}))).toBe('file:///work')

  const read = await connected.readResource('test://greeting')
  expect(read.contents[0]).toMatchObject({ uri: 'test://greeting', text: 'hello' })
  expect((await connected.readResource('test://items/7')).contents[0]).toMatchObject({
    text: 'item 7',
  })
  const { resourceTemplates } = await connected.listResourceTemplates()
  expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual(['test://items/{id}'])
  const prompt = await connected.getPrompt('greet', { name: 'Ada' })
  expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: 'Hello, Ada!' })
  const completion = await connected.complete({
    ref: { type: 'ref/resource', uri: 'test://items/{id}' },
    argument: { name: 'id', value: '1' },
  })
  expect(completion.completion.values).toEqual(['1', '10'])
  await connected.setLoggingLevel('debug')
  await connected.ping()

  const failure = await connected.callTool('nope', {}).catch((error: unknown) => error)
  if (failure instanceof McpError) expect(failure.code).toBe(-32602)
  else expect(failure).toMatchObject({ isError: true })
}

describe('against the official Streamable HTTP server', () => {
  it('works statefully with SSE responses, and close() ends the session', async () => {
    server = await startStreamableHttp()
    client = await connect(server.url, handlers)
    expect(client.transport).toBe('streamable-http')
    expect(client.sessionId).toMatch(/^[0-9a-f-]{36}$/)
    expect(client.protocolVersion).toBe('2025-11-25')
    expect(client.serverInfo.name).toBe('official-fixture')
    await exercise(client)
    await client.close()
    expect(client.state).toBe('closed')
    expect(server.log.deletes).toBe(1)
  })

  it('works statefully with JSON responses', async () => {
    server = await startStreamableHttp({ json: true })
    client = await connect(server.url, handlers)
    const { tools } = await client.listTools()
    expect(tools.length).toBeGreaterThan(5)
    expect(text(await client.callTool('echo', { text: 'json' }))).toBe('json')
    const progress: number[] = []
    await client.callTool(
      'slow',
      { steps: 2, delayMs: 1 },
      { onProgress: (p) => progress.push(p.progress) },
    )
    expect((await client.callTool('add', { a: 1, b: 1 })).structuredContent).toEqual({ sum: 2 })
  })

  it('works statelessly with SSE responses', async () => {
    server = await startStreamableHttp({ stateless: true })
    client = await connect(server.url, { memory: false })
    expect(client.sessionId).toBeUndefined()
    expect(text(await client.callTool('echo', { text: 'stateless' }))).toBe('stateless')
    const progress: number[] = []
    await client.callTool(
      'slow',
      { steps: 2, delayMs: 1 },
      { onProgress: (p) => progress.push(p.progress) },
    )
    expect(progress).toEqual([1, 2])
  })

  it('works statelessly with JSON responses', async () => {
    server = await startStreamableHttp({ stateless: true, json: true })
    client = await connect(server.url, { memory: false })
    expect(text(await client.callTool('echo', { text: 'stateless json' }))).toBe('stateless json')
    expect((await client.listPrompts()).prompts.map((prompt) => prompt.name)).toEqual(['greet'])
  })

  it('streams a tool call as progress and log events ending with the result', async () => {
    server = await startStreamableHttp()
    client = await connect(server.url, { memory: false })
    const events: ToolEvent[] = []
    for await (const event of client.streamTool('slow', { steps: 2, delayMs: 5 }))
      events.push(event)
    expect(events).toEqual([
      { type: 'progress', progress: 1, total: 2, message: 'step 1' },
      { type: 'log', level: 'info', logger: 'slow', data: 'step 1' },
      { type: 'progress', progress: 2, total: 2, message: 'step 2' },
      { type: 'log', level: 'info', logger: 'slow', data: 'step 2' },
      { type: 'result', result: { content: [{ type: 'text', text: 'done after 2 steps' }] } },
    ])
  })
})

describe('against the official HTTP+SSE server', () => {
  it('falls back from Streamable HTTP and does everything over the SSE transport', async () => {
    server = await startSse()
    client = await connect(server.url, handlers)
    expect(client.transport).toBe('sse')
    await exercise(client)
  })

  it('remembers that a URL spoke HTTP+SSE and goes straight to it next time', async () => {
    const sse = await startSse()
    server = sse
    const memory = createTransportMemory()
    const first = await connect(sse.url, { memory })
    await first.close()
    const postsBefore = sse.posts()
    client = await connect(sse.url, { memory })
    expect(client.transport).toBe('sse')
    // Only initialize and initialized were POSTed: no Streamable HTTP probe this time.
    expect(sse.posts() - postsBefore).toBe(2)
    expect(await memory.get(sse.url)).toBe('sse')
  })

  it('speaks HTTP+SSE when forced to', async () => {
    server = await startSse()
    client = await connect(server.url, { transport: 'sse', memory: false })
    expect(text(await client.callTool('echo', { text: 'forced' }))).toBe('forced')
  })
})
