import { describe, expect, it } from 'vitest'
import {
  MCP_HEADERS,
  annotatedValue,
  decodeHeaderValue,
  encodeHeaderValue,
  headerAnnotations,
  mcpNameOf,
  paramHeaderValue,
} from './modern-headers.js'

describe('encodeHeaderValue', () => {
  it('encodes the specification examples', () => {
    expect(encodeHeaderValue('us-west1')).toBe('us-west1')
    expect(encodeHeaderValue('Hello, 世界')).toBe('=?base64?SGVsbG8sIOS4lueVjA==?=')
    expect(encodeHeaderValue(' padded ')).toBe('=?base64?IHBhZGRlZCA=?=')
    expect(encodeHeaderValue('line1\nline2')).toBe('=?base64?bGluZTEKbGluZTI=?=')
    expect(encodeHeaderValue('=?base64?literal?=')).toBe('=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?=')
  })

  it('keeps inner spaces and the empty string, and encodes tabs, CR and whitespace at either end', () => {
    expect(encodeHeaderValue('us west 1')).toBe('us west 1')
    expect(encodeHeaderValue('')).toBe('')
    expect(encodeHeaderValue('SELECT * FROM users')).toBe('SELECT * FROM users')
    for (const value of ['\tindented', 'line1\r\nline2', ' us-west1', 'us-west1 ', 'a\tb']) {
      expect(encodeHeaderValue(value)).toMatch(/^=\?base64\?.*\?=$/)
    }
  })

  it('round-trips through decodeHeaderValue', () => {
    const values = ['plain', 'Zoë', ' x ', 'a\r\nb', '=?base64?x?=', '😀'.repeat(20_000), '']
    for (const value of values) {
      expect(decodeHeaderValue(encodeHeaderValue(value))).toEqual({ ok: true, value })
    }
  })
})

describe('decodeHeaderValue', () => {
  it('decodes the Base64 sentinel and keeps everything else literal', () => {
    expect(decodeHeaderValue('us-west1')).toEqual({ ok: true, value: 'us-west1' })
    expect(decodeHeaderValue('=?base64?SGVsbG8sIOS4lueVjA==?=')).toEqual({
      ok: true,
      value: 'Hello, 世界',
    })
    // Without the full wrapper a value is literal, even if it looks like Base64.
    expect(decodeHeaderValue('SGVsbG8=')).toEqual({ ok: true, value: 'SGVsbG8=' })
    expect(decodeHeaderValue('=?base64?SGVsbG8=')).toEqual({ ok: true, value: '=?base64?SGVsbG8=' })
  })

  it('rejects bad padding, characters outside the alphabet, invalid UTF-8 and control characters', () => {
    expect(decodeHeaderValue('=?base64?SGVsbG8?=').ok).toBe(false)
    expect(decodeHeaderValue('=?base64?SGVs!!!bG8=?=').ok).toBe(false)
    expect(decodeHeaderValue(`=?base64?${btoa('\xff\xfe')}?=`).ok).toBe(false)
    expect(decodeHeaderValue('a\u0001b')).toEqual({
      ok: false,
      reason: 'contains invalid characters',
    })
    expect(decodeHeaderValue('caf\u00e9').ok).toBe(false)
  })
})

describe('mcpNameOf', () => {
  it('mirrors params.name or params.uri for the three methods that have one', () => {
    expect(mcpNameOf('tools/call', { name: 'get_weather' })).toBe('get_weather')
    expect(mcpNameOf('prompts/get', { name: 'greet' })).toBe('greet')
    expect(mcpNameOf('resources/read', { uri: 'file:///a b.txt' })).toBe('file:///a b.txt')
    expect(mcpNameOf('tools/list', { name: 'x' })).toBeUndefined()
    expect(mcpNameOf('tools/call', { name: 42 })).toBeUndefined()
    expect(mcpNameOf('toString', {})).toBeUndefined()
    expect(MCP_HEADERS.name).toBe('Mcp-Name')
  })
})

const sqlSchema = {
  type: 'object',
  properties: {
    region: { type: 'string', 'x-mcp-header': 'Region' },
    limit: { type: 'integer', 'x-mcp-header': 'Limit' },
    dryRun: { type: 'boolean', 'x-mcp-header': 'Dry-Run' },
    target: {
      type: 'object',
      properties: { tenant: { type: 'string', 'x-mcp-header': 'Tenant' } },
    },
    query: { type: 'string' },
  },
  required: ['region', 'query'],
}

describe('headerAnnotations', () => {
  it('finds annotations reachable through properties', () => {
    const { annotations, problems } = headerAnnotations(sqlSchema)
    expect(problems).toEqual([])
    expect(annotations).toEqual([
      { header: 'Region', path: ['region'], type: 'string' },
      { header: 'Limit', path: ['limit'], type: 'integer' },
      { header: 'Dry-Run', path: ['dryRun'], type: 'boolean' },
      { header: 'Tenant', path: ['target', 'tenant'], type: 'string' },
    ])
  })

  it('reports every annotation a client must reject the tool for', () => {
    const problemsOf = (property: Record<string, unknown>) =>
      headerAnnotations({ type: 'object', properties: { field: property } }).problems
    expect(problemsOf({ type: 'string', 'x-mcp-header': '' })).toHaveLength(1)
    expect(problemsOf({ type: 'object', 'x-mcp-header': 'Obj' })).toHaveLength(1)
    expect(problemsOf({ type: 'array', 'x-mcp-header': 'Arr' })).toHaveLength(1)
    expect(problemsOf({ type: 'string', 'x-mcp-header': null })).toHaveLength(1)
    expect(problemsOf({ type: 'number', 'x-mcp-header': 'Ratio' })).toHaveLength(1)
    expect(problemsOf({ type: 'string', 'x-mcp-header': 'Bad Name' })).toHaveLength(1)
    expect(problemsOf({ type: 'string', 'x-mcp-header': 'A:B' })).toHaveLength(1)
    expect(problemsOf({ type: 'string', 'x-mcp-header': 'Région' })).toHaveLength(1)
    expect(problemsOf({ type: 'string', 'x-mcp-header': 'Tab\there' })).toHaveLength(1)
    expect(problemsOf({ type: 'integer', 'x-mcp-header': 'Count' })).toEqual([])

    const { annotations, problems } = headerAnnotations({
      type: 'object',
      properties: {
        a: { type: 'string', 'x-mcp-header': 'MyField' },
        b: { type: 'string', 'x-mcp-header': 'myfield' },
        e: { type: 'array', items: { type: 'string', 'x-mcp-header': 'Item' } },
        f: { anyOf: [{ type: 'string', 'x-mcp-header': 'Any' }] },
      },
    })
    expect(annotations.map((entry) => entry.header)).toEqual(['MyField'])
    expect(problems.join('\n')).toMatch(/used twice/)
    expect(problems.join('\n')).toMatch(/e.items is not reachable/)
    expect(problems.join('\n')).toMatch(/f.anyOf is not reachable/)
  })
})

describe('annotatedValue and paramHeaderValue', () => {
  const [region, limit, dryRun, tenant] = headerAnnotations(sqlSchema).annotations
  it('reads the value at the exact path and converts it as the header carries it', () => {
    const args = { region: 'Zoë', limit: 42, dryRun: false, target: { tenant: 'acme' } }
    expect(paramHeaderValue(annotatedValue(args, region!))).toBe('=?base64?Wm/Dqw==?=')
    expect(paramHeaderValue(annotatedValue(args, limit!))).toBe('42')
    expect(paramHeaderValue(annotatedValue(args, dryRun!))).toBe('false')
    expect(paramHeaderValue(annotatedValue(args, tenant!))).toBe('acme')
  })

  it('sends no header for an absent, null or non-primitive value', () => {
    expect(annotatedValue({}, region!)).toBeUndefined()
    expect(annotatedValue({ target: 'flat' }, tenant!)).toBeUndefined()
    expect(paramHeaderValue(null)).toBeUndefined()
    expect(paramHeaderValue(undefined)).toBeUndefined()
    expect(paramHeaderValue({ nested: true })).toBeUndefined()
    expect(paramHeaderValue(Number.NaN)).toBeUndefined()
  })
})
