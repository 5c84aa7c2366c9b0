import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { TestClient } from '../test/harness.js'
import { McpServer } from './mcp-server.js'

async function connect(server: McpServer, capabilities: Record<string, unknown> = {}) {
  const client = new TestClient(server.app({ path: '/mcp' }))
  const init = await client.initialize(capabilities)
  return { client, init }
}

describe('tools', () => {
  it('validates arguments with zod and publishes JSON Schema 2020-12', async () => {
    const server = new McpServer({ name: 't', version: '1' })
    server.tool(
      'weather',
      {
        title: 'Weather',
        description: 'Forecast for a city',
        inputSchema: z.object({
          city: z.string().describe('City name'),
          days: z.number().int().default(1),
        }),
        annotations: { readOnlyHint: true },
        icons: [{ src: 'https://example.com/sun.png', mimeType: 'image/png' }],
      },
      ({ city, days }) => ({ content: [{ type: 'text', text: `${city}:${days}` }] }),
    )
    const { client } = await connect(server)
    const { tools } = await client.call('tools/list')
    expect(tools[0]).toMatchObject({
      name: 'weather',
      title: 'Weather',
      annotations: { readOnlyHint: true },
      icons: [{ src: 'https://example.com/sun.png' }],
      inputSchema: {
        type: 'object',
        properties: { city: { type: 'string', description: 'City name' } },
        required: ['city'],
      },
    })
    expect(
      (await client.call('tools/call', { name: 'weather', arguments: { city: 'Oslo' } })).content[0]
        .text,
    ).toBe('Oslo:1')
    const invalid = await client.call('tools/call', { name: 'weather', arguments: { days: 'x' } })
    expect(invalid.isError).toBe(true)
    expect(invalid.content[0].text).toMatch(/Invalid arguments for tool weather: city: .*; days: /)
  })

  it('checks structured output against the output schema and adds its JSON text', async () => {
    const server = new McpServer({ name: 't', version: '1' }, { onError: () => {} })
    server.tool(
      'sum',
      {
        inputSchema: z.object({ bad: z.boolean() }),
        outputSchema: z.object({ total: z.number() }),
      },
      ({ bad }) => ({ content: [], structuredContent: bad ? { total: 'many' } : { total: 3 } }),
    )
    const { client } = await connect(server)
    const tool = (await client.call('tools/list')).tools[0]
    expect(tool.outputSchema).toMatchObject({
      type: 'object',
      properties: { total: { type: 'number' } },
    })
    expect(await client.call('tools/call', { name: 'sum', arguments: { bad: false } })).toEqual({
      content: [{ type: 'text', text: '{"total":3}' }],
      structuredContent: { total: 3 },
    })
    await expect(
      client.call('tools/call', { name: 'sum', arguments: { bad: true } }),
    ).rejects.toThrow(/does not match its outputSchema/)
  })

  it('tells the developer about tool names the spec advises against (SEP-986)', () => {
    const errors: string[] = []
    const server = new McpServer(
      { name: 't', version: '1' },
      { onError: (error) => errors.push(error.message) },
    )
    server.tool('get weather!', {}, () => ({ content: [] }))
    server.tool('get_weather', {}, () => ({ content: [] }))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^Tool name 'get weather!' does not follow SEP-986: /)
  })

  it('refuses two tools with one name and a schema that is not an object', () => {
    const server = new McpServer({ name: 't', version: '1' })
    server.tool('one', {}, () => ({ content: [] }))
    expect(() => server.tool('one', {}, () => ({ content: [] }))).toThrow(/already registered/)
    expect(() => server.tool('two', { inputSchema: z.string() }, () => ({ content: [] }))).toThrow(
      /inputSchema of tool 'two'/,
    )
  })

  it('updates, hides and removes tools at run time', async () => {
    const server = new McpServer({ name: 't', version: '1' })
    const handle = server.tool('a', { description: 'first' }, () => ({ content: [] }))
    server.tool('b', {}, () => ({ content: [] }))
    const { client } = await connect(server)
    const names = async () =>
      (await client.call('tools/list')).tools.map(
        (tool: { name: string; description?: string }) => `${tool.name}:${tool.description ?? ''}`,
      )
    handle.update({ description: 'second' })
    expect(await names()).toEqual(['a:second', 'b:'])
    handle.disable()
    expect(handle.enabled).toBe(false)
    expect(await names()).toEqual(['b:'])
    await expect(client.call('tools/call', { name: 'a' })).rejects.toMatchObject({ code: -32602 })
    handle.enable()
    expect(await names()).toEqual(['a:second', 'b:'])
    handle.remove()
    expect(await names()).toEqual(['b:'])
    expect(() => {
      handle.update({ description: 'gone' })
    }).toThrow(/removed/)
  })
})

describe('prompts and completion', () => {
  it('derives prompt arguments from a zod object and requires the required ones', async () => {
    const server = new McpServer({ name: 't', version: '1' })
    server.prompt(
      'review',
      {
        description: 'Review code',
        arguments: z.object({
          code: z.string().describe('The code'),
          style: z.string().optional(),
        }),
        complete: {
          style: (value) => Array.from({ length: 150 }, (_, index) => `${value}${index}`),
        },
      },
      ({ code, style }) => ({
        messages: [{ role: 'user', content: { type: 'text', text: `${code}/${style ?? '-'}` } }],
      }),
    )
    const { client, init } = await connect(server)
    expect(init.result.capabilities).toMatchObject({
      prompts: { listChanged: true },
      completions: {},
    })
    expect((await client.call('prompts/list')).prompts[0].arguments).toEqual([
      { name: 'code', description: 'The code', required: true },
      { name: 'style', required: false },
    ])
    expect(
      (await client.call('prompts/get', { name: 'review', arguments: { code: 'x' } })).messages[0]
        .content.text,
    ).toBe('x/-')
    await expect(
      client.call('prompts/get', { name: 'review', arguments: {} }),
    ).rejects.toMatchObject({ code: -32602 })
    await expect(client.call('prompts/get', { name: 'nope' })).rejects.toMatchObject({
      code: -32602,
    })
    const completion = await client.call('completion/complete', {
      ref: { type: 'ref/prompt', name: 'review' },
      argument: { name: 'style', value: 's' },
    })
    expect(completion.completion.values).toHaveLength(100)
    expect(completion.completion).toMatchObject({ total: 150, hasMore: true })
  })
})

describe('resources', () => {
  it('routes reads to static resources and templates, and says which URI is unknown', async () => {
    const server = new McpServer({ name: 't', version: '1' })
    server.resource('app://config', { name: 'config', mimeType: 'application/json' }, (uri) => ({
      contents: [{ uri, text: '{}' }],
    }))
    server.resourceTemplate(
      'app://users/{id}',
      { name: 'user', list: () => [{ uri: 'app://users/1', name: 'user 1' }] },
      (uri, { id }) => ({ contents: [{ uri, text: `user ${String(id)}` }] }),
    )
    const { client } = await connect(server)
    expect(
      (await client.call('resources/list')).resources.map(
        (resource: { uri: string }) => resource.uri,
      ),
    ).toEqual(['app://config', 'app://users/1'])
    expect((await client.call('resources/read', { uri: 'app://users/7' })).contents[0].text).toBe(
      'user 7',
    )
    await expect(client.call('resources/read', { uri: 'app://nothing' })).rejects.toMatchObject({
      code: -32002,
      message: 'Resource not found: app://nothing',
    })
  })
})

describe('pagination', () => {
  it('pages lists with opaque cursors and rejects a cursor it did not make', async () => {
    const server = new McpServer({ name: 't', version: '1' }, { pageSize: 2 })
    for (const name of ['a', 'b', 'c', 'd', 'e']) server.tool(name, {}, () => ({ content: [] }))
    const { client } = await connect(server)
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await client.call('tools/list', cursor === undefined ? {} : { cursor })
      seen.push(...page.tools.map((tool: { name: string }) => tool.name))
      cursor = page.nextCursor
    } while (cursor !== undefined)
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e'])
    await expect(client.call('tools/list', { cursor: 'made-up' })).rejects.toMatchObject({
      code: -32602,
    })
  })
})

describe('scheduled push', () => {
  it('runs periodic and one-off tasks until cancelled or closed', async () => {
    vi.useFakeTimers()
    try {
      const server = new McpServer({ name: 't', version: '1' })
      const runs: string[] = []
      const stop = server.every(1000, () => runs.push('tick'))
      server.after(2500, () => runs.push('once'))
      const cancelled = server.after(2500, () => runs.push('cancelled'))
      cancelled()
      vi.advanceTimersByTime(3100)
      stop()
      vi.advanceTimersByTime(5000)
      expect(runs).toEqual(['tick', 'tick', 'once', 'tick'])
      server.every(1000, () => runs.push('after close'))
      await server.close()
      vi.advanceTimersByTime(5000)
      expect(runs).not.toContain('after close')
    } finally {
      vi.useRealTimers()
    }
  })
})
