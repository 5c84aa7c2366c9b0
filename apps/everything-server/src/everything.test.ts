import { describe, expect, it } from 'vitest'
import { JSON_SCHEMA_2020_12, createEverythingServer } from './everything.js'

const headers = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
}

async function connect() {
  const app = createEverythingServer().app({ path: '/mcp' })
  const init = await app.request('http://localhost/mcp', {
    method: 'POST',
    headers,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: {},
        clientInfo: { name: 'test', version: '1' },
      },
    }),
  })
  const session = { ...headers, 'mcp-session-id': init.headers.get('mcp-session-id') ?? '' }
  let id = 1
  return async (method: string, params?: Record<string, unknown>) => {
    const response = await app.request('http://localhost/mcp', {
      method: 'POST',
      headers: session,
      body: JSON.stringify({ jsonrpc: '2.0', id: id++, method, params }),
    })
    const body = (await response.json()) as { result?: Record<string, unknown>; error?: unknown }
    if (body.result === undefined) throw new Error(JSON.stringify(body.error))
    return body.result
  }
}

describe('the everything server', () => {
  it('has every fixture tool, each with a description', async () => {
    const call = await connect()
    const { tools } = (await call('tools/list')) as {
      tools: { name: string; description?: string; inputSchema: unknown }[]
    }
    expect(tools.map((tool) => tool.name)).toEqual([
      'test_simple_text',
      'test_image_content',
      'test_audio_content',
      'test_embedded_resource',
      'test_multiple_content_types',
      'test_tool_with_logging',
      'test_error_handling',
      'test_tool_with_progress',
      'test_sampling',
      'test_elicitation',
      'test_elicitation_sep1034_defaults',
      'test_elicitation_sep1330_enums',
      'json_schema_2020_12_tool',
      'test_reconnection',
      'test_input_required_result_elicitation',
      'test_input_required_result_sampling',
      'test_input_required_result_list_roots',
      'test_input_required_result_request_state',
      'test_input_required_result_multiple_inputs',
      'test_input_required_result_multi_round',
      'test_input_required_result_tampered_state',
      'test_input_required_result_capabilities',
      'test_missing_capability',
      'test_streaming_elicitation',
      'test_logging_tool',
      'test_trigger_tool_change',
      'test_trigger_prompt_change',
      'test_header_param',
    ])
    expect(tools.every((tool) => typeof tool.description === 'string')).toBe(true)
    // The 2020-12 schema is published exactly as given.
    expect(tools.find((tool) => tool.name === 'json_schema_2020_12_tool')?.inputSchema).toEqual(
      JSON_SCHEMA_2020_12,
    )
  })

  it('answers the fixture calls the suite makes', async () => {
    const call = await connect()
    expect(await call('tools/call', { name: 'test_simple_text' })).toEqual({
      content: [{ type: 'text', text: 'This is a simple text response for testing.' }],
    })
    expect(await call('tools/call', { name: 'test_error_handling' })).toEqual({
      content: [{ type: 'text', text: 'This tool intentionally returns an error for testing' }],
      isError: true,
    })
    const template = (await call('resources/read', { uri: 'test://template/123/data' })) as {
      contents: { text: string }[]
    }
    expect(JSON.parse(template.contents[0]!.text)).toEqual({
      id: '123',
      templateTest: true,
      data: 'Data for ID: 123',
    })
    const prompt = (await call('prompts/get', {
      name: 'test_prompt_with_arguments',
      arguments: { arg1: 'hello', arg2: 'world' },
    })) as { messages: { content: { text: string } }[] }
    expect(prompt.messages[0]!.content.text).toBe(
      "Prompt with arguments: arg1='hello', arg2='world'",
    )
    expect(
      await call('completion/complete', {
        ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
        argument: { name: 'arg1', value: 'par' },
      }),
    ).toEqual({ completion: { values: ['paris', 'park', 'party'] } })
    const { resources } = (await call('resources/list')) as {
      resources: { uri: string; description?: string }[]
    }
    expect(resources.map((resource) => resource.uri)).toEqual([
      'test://static-text',
      'test://static-binary',
      'test://watched-resource',
    ])
  })
})
