import { decodeHeaderValue } from '@mcp-sse/protocol'
import { describe, expect, it } from 'vitest'
import { modernHeaders, ToolSchemas } from './headers.js'

const version = { protocolVersion: '2026-07-28' }

describe('modernHeaders', () => {
  it('sends Mcp-Method on everything and Mcp-Name where the method has a name', () => {
    expect(modernHeaders({ method: 'tools/list', params: {} }, version)).toEqual({
      'MCP-Protocol-Version': '2026-07-28',
      'Mcp-Method': 'tools/list',
    })
    expect(
      modernHeaders({ method: 'tools/call', params: { name: 'my-hyphenated-tool' } }, version),
    ).toMatchObject({ 'Mcp-Name': 'my-hyphenated-tool' })
    expect(
      modernHeaders({ method: 'prompts/get', params: { name: 'test_prompt' } }, version),
    ).toMatchObject({ 'Mcp-Name': 'test_prompt' })
    const uri = 'file:///path/to/file%20name.txt'
    expect(modernHeaders({ method: 'resources/read', params: { uri } }, version)['Mcp-Name']).toBe(
      uri,
    )
    const unicode = modernHeaders(
      { method: 'resources/read', params: { uri: 'file:///données' } },
      version,
    )
    expect(decodeHeaderValue(unicode['Mcp-Name']!)).toEqual({ ok: true, value: 'file:///données' })
  })

  // The arguments of the official conformance scenario `http-custom-headers`.
  const property = (type: string, header?: string) =>
    header === undefined ? { type } : { type, 'x-mcp-header': header }
  const inputSchema = {
    type: 'object',
    properties: {
      region: property('string', 'Region'),
      priority: property('integer', 'Priority'),
      verbose: property('boolean', 'Verbose'),
      debug: property('boolean', 'Debug'),
      empty_val: property('string', 'Empty'),
      method_val: property('string', 'Method'),
      float_val: property('number'),
      non_ascii_val: property('string', 'NonAscii'),
      whitespace_val: property('string', 'Whitespace'),
      leading_space_val: property('string', 'Leading'),
      trailing_space_val: property('string', 'Trailing'),
      internal_space_val: property('string', 'Internal'),
      control_char_val: property('string', 'Control'),
      crlf_val: property('string', 'Crlf'),
      tab_val: property('string', 'Tab'),
      query: property('string'),
    },
  }
  const call = (args: Record<string, unknown>) =>
    modernHeaders(
      { method: 'tools/call', params: { name: 'test_custom_headers', arguments: args } },
      {
        ...version,
        inputSchema,
      },
    )

  it('mirrors every annotated parameter, encoded, and nothing else', () => {
    const headers = call({
      region: 'us-west1',
      priority: 42,
      verbose: false,
      debug: true,
      empty_val: '',
      method_val: 'test-method',
      float_val: 3.14159,
      non_ascii_val: 'Hello, 世界',
      whitespace_val: ' padded ',
      leading_space_val: ' us-west1',
      trailing_space_val: 'us-west1 ',
      internal_space_val: 'us west 1',
      control_char_val: 'line1\nline2',
      crlf_val: 'line1\r\nline2',
      tab_val: '\tindented',
      query: 'SELECT * FROM users',
    })
    expect(headers).toMatchObject({
      'Mcp-Method': 'tools/call',
      'Mcp-Name': 'test_custom_headers',
      'Mcp-Param-Region': 'us-west1',
      'Mcp-Param-Priority': '42',
      'Mcp-Param-Verbose': 'false',
      'Mcp-Param-Debug': 'true',
      'Mcp-Param-Empty': '',
      'Mcp-Param-Method': 'test-method',
      'Mcp-Param-NonAscii': '=?base64?SGVsbG8sIOS4lueVjA==?=',
      'Mcp-Param-Whitespace': '=?base64?IHBhZGRlZCA=?=',
      'Mcp-Param-Internal': 'us west 1',
    })
    for (const name of ['Leading', 'Trailing', 'Control', 'Crlf', 'Tab']) {
      expect(headers[`Mcp-Param-${name}`]).toMatch(/^=\?base64\?.+\?=$/)
    }
    expect(decodeHeaderValue(headers['Mcp-Param-Crlf']!)).toEqual({
      ok: true,
      value: 'line1\r\nline2',
    })
    const values = Object.values(headers).join('\n')
    expect(values).not.toContain('3.14159')
    expect(values).not.toContain('SELECT')
    // Every value is something fetch accepts as a header.
    expect(() => new Headers(headers)).not.toThrow()
  })

  it('omits the header of a null or absent parameter', () => {
    const headers = call({ region: 'us-east1', priority: 1, verbose: null, query: 'SELECT 1' })
    expect(Object.keys(headers).filter((name) => name.startsWith('Mcp-Param-'))).toEqual([
      'Mcp-Param-Region',
      'Mcp-Param-Priority',
    ])
  })

  it('sends no Mcp-Param headers without the tool schema', () => {
    const headers = modernHeaders(
      { method: 'tools/call', params: { name: 'x', arguments: { region: 'eu' } } },
      version,
    )
    expect(Object.keys(headers)).toEqual(['MCP-Protocol-Version', 'Mcp-Method', 'Mcp-Name'])
  })
})

describe('ToolSchemas', () => {
  const tool = (name: string, property: Record<string, unknown>) => ({
    name,
    inputSchema: { type: 'object', properties: { field: property } },
  })

  it('leaves out the tools the official http-invalid-tool-headers scenario lists, keeps the valid one', () => {
    const tools = [
      tool('valid_tool', { type: 'string', 'x-mcp-header': 'Region' }),
      tool('invalid_empty_header', { type: 'string', 'x-mcp-header': '' }),
      tool('invalid_object_header', { type: 'object', 'x-mcp-header': 'Obj' }),
      tool('invalid_array_header', { type: 'array', 'x-mcp-header': 'Arr' }),
      tool('invalid_null_header', { type: 'null', 'x-mcp-header': 'Nul' }),
      tool('invalid_number_header', { type: 'number', 'x-mcp-header': 'Num' }),
      {
        name: 'invalid_duplicate_diff_case',
        inputSchema: {
          type: 'object',
          properties: {
            a: { type: 'string', 'x-mcp-header': 'MyField' },
            b: { type: 'string', 'x-mcp-header': 'myfield' },
          },
        },
      },
      tool('invalid_space_in_name', { type: 'string', 'x-mcp-header': 'My Field' }),
      tool('invalid_colon_in_name', { type: 'string', 'x-mcp-header': 'My:Field' }),
      tool('invalid_non_ascii_name', { type: 'string', 'x-mcp-header': 'Région' }),
      tool('invalid_control_char_name', { type: 'string', 'x-mcp-header': 'My\tField' }),
      { name: 'plain', inputSchema: { type: 'object' } },
    ]
    const schemas = new ToolSchemas()
    const { result, rejected } = schemas.admit({ tools, nextCursor: 'c' })
    expect((result.tools as { name: string }[]).map((t) => t.name)).toEqual(['valid_tool', 'plain'])
    expect(result.nextCursor).toBe('c')
    expect(rejected.map((entry) => entry.name)).toHaveLength(10)
    expect(rejected.every((entry) => entry.problems.length > 0)).toBe(true)
    expect(schemas.inputSchema('valid_tool')).toBe(tools[0]!.inputSchema)
    expect(schemas.inputSchema('invalid_number_header')).toBeUndefined()
  })

  it('passes a page with nothing to reject through untouched', () => {
    const page = { tools: [{ name: 'a', inputSchema: { type: 'object' } }] }
    expect(new ToolSchemas().admit(page).result).toBe(page)
    expect(new ToolSchemas().admit({ other: true }).result).toEqual({ other: true })
  })
})
