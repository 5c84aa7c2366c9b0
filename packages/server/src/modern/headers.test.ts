import { ErrorCode, encodeHeaderValue } from '@mcp-sse/protocol'
import { describe, expect, it } from 'vitest'
import { checkProtocolVersionHeader, checkRoutingHeaders, type HeaderCheck } from './headers.js'

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

function call(args: Record<string, unknown>) {
  return { method: 'tools/call', params: { name: 'execute_sql', arguments: args } }
}

function headers(values: Record<string, string>): Headers {
  return new Headers({ 'Mcp-Method': 'tools/call', 'Mcp-Name': 'execute_sql', ...values })
}

const options = {
  toolInputSchema: (name: string) => (name === 'execute_sql' ? sqlSchema : undefined),
}

function expectMismatch(check: HeaderCheck, text: RegExp): void {
  expect(check.ok).toBe(false)
  if (check.ok) return
  expect(check.httpStatus).toBe(400)
  expect(check.error.code).toBe(ErrorCode.HeaderMismatch)
  expect(check.error.message).toMatch(text)
}

describe('checkProtocolVersionHeader', () => {
  it('requires the header and its equality with the body', () => {
    expect(
      checkProtocolVersionHeader(
        new Headers({ 'MCP-Protocol-Version': '2026-07-28' }),
        '2026-07-28',
      ),
    ).toEqual({
      ok: true,
    })
    expectMismatch(
      checkProtocolVersionHeader(new Headers(), '2026-07-28'),
      /MCP-Protocol-Version header is missing/,
    )
    expectMismatch(
      checkProtocolVersionHeader(new Headers({ 'mcp-protocol-version': '2026-07-28' }), 'v999.0.0'),
      /'2026-07-28' does not match body value 'v999.0.0'/,
    )
  })
})

describe('checkRoutingHeaders', () => {
  it('accepts matching headers, whatever the case of their names', () => {
    const request = { method: 'tools/list', params: {} }
    expect(checkRoutingHeaders(request, new Headers({ 'mcp-method': 'tools/list' }))).toEqual({
      ok: true,
    })
    expect(checkRoutingHeaders(request, new Headers({ 'MCP-METHOD': 'tools/list' }))).toEqual({
      ok: true,
    })
  })

  it('rejects a missing, different or differently cased Mcp-Method', () => {
    const request = { method: 'tools/list', params: {} }
    expectMismatch(checkRoutingHeaders(request, new Headers()), /Mcp-Method header is missing/)
    expectMismatch(
      checkRoutingHeaders(request, new Headers({ 'Mcp-Method': 'prompts/list' })),
      /'prompts\/list' does not match body value 'tools\/list'/,
    )
    expectMismatch(
      checkRoutingHeaders(request, new Headers({ 'Mcp-Method': 'TOOLS/LIST' })),
      /does not match/,
    )
  })

  it('checks Mcp-Name against params.name or params.uri', () => {
    const prompt = { method: 'prompts/get', params: { name: 'greet' } }
    expect(
      checkRoutingHeaders(
        prompt,
        new Headers({ 'Mcp-Method': 'prompts/get', 'Mcp-Name': 'greet' }),
      ),
    ).toEqual({
      ok: true,
    })
    expectMismatch(
      checkRoutingHeaders(prompt, new Headers({ 'Mcp-Method': 'prompts/get', 'Mcp-Name': 'foo' })),
      /Mcp-Name header value 'foo' does not match body value 'greet'/,
    )
    expectMismatch(
      checkRoutingHeaders(prompt, new Headers({ 'Mcp-Method': 'prompts/get' })),
      /Mcp-Name header is missing/,
    )

    const read = { method: 'resources/read', params: { uri: 'file:///my docs/a b.txt?x=1' } }
    expect(
      checkRoutingHeaders(
        read,
        new Headers({ 'Mcp-Method': 'resources/read', 'Mcp-Name': 'file:///my docs/a b.txt?x=1' }),
      ),
    ).toEqual({ ok: true })
    const unicode = { method: 'resources/read', params: { uri: 'file:///données.txt' } }
    const encoded = encodeHeaderValue('file:///données.txt')
    expect(
      checkRoutingHeaders(
        unicode,
        new Headers({ 'Mcp-Method': 'resources/read', 'Mcp-Name': encoded }),
      ),
    ).toEqual({ ok: true })
  })

  it('tolerates whitespace around header values (HTTP strips it)', () => {
    const request = { method: 'tools/call', params: { name: 'echo', arguments: {} } }
    expect(
      checkRoutingHeaders(
        request,
        new Headers({ 'Mcp-Method': 'tools/call', 'Mcp-Name': '  echo  ' }),
      ),
    ).toEqual({
      ok: true,
    })
  })

  it('checks every x-mcp-header parameter, Base64 decoded, integers numerically', () => {
    const args = {
      region: 'us-west1',
      limit: 42,
      dryRun: false,
      target: { tenant: 'Zoë' },
      query: 'SELECT 1',
    }
    const good = headers({
      'Mcp-Param-Region': 'us-west1',
      'mcp-param-limit': '42.0',
      'Mcp-Param-Dry-Run': 'false',
      'Mcp-Param-Tenant': encodeHeaderValue('Zoë'),
      'Mcp-Param-Unknown': 'ignored',
    })
    expect(checkRoutingHeaders(call(args), good, options)).toEqual({ ok: true })

    expectMismatch(
      checkRoutingHeaders(
        call({ region: 'us-west1', query: 'q' }),
        headers({ 'Mcp-Param-Region': 'eu-west1' }),
        options,
      ),
      /Mcp-Param-Region header value 'eu-west1' does not match body value 'us-west1'/,
    )
    expectMismatch(
      checkRoutingHeaders(call({ region: 'us-west1', query: 'q' }), headers({}), options),
      /Mcp-Param-Region header is missing; arguments.region is 'us-west1'/,
    )
    expectMismatch(
      checkRoutingHeaders(
        call({ region: 'r', limit: 42, query: 'q' }),
        headers({ 'Mcp-Param-Region': 'r', 'Mcp-Param-Limit': '43' }),
        options,
      ),
      /'43' does not match body value 42/,
    )
    expectMismatch(
      checkRoutingHeaders(
        call({ region: 'r', dryRun: true, query: 'q' }),
        headers({ 'Mcp-Param-Region': 'r', 'Mcp-Param-Dry-Run': 'True' }),
        options,
      ),
      /Dry-Run/,
    )
    expectMismatch(
      checkRoutingHeaders(
        call({ region: 'Hello', query: 'q' }),
        headers({ 'Mcp-Param-Region': '=?base64?SGVsbG8?=' }),
        options,
      ),
      /not valid Base64/,
    )
  })

  it('does not expect a header for an absent or null parameter, and rejects one that is sent anyway', () => {
    const args = { region: 'r', limit: null, query: 'q' }
    expect(checkRoutingHeaders(call(args), headers({ 'Mcp-Param-Region': 'r' }), options)).toEqual({
      ok: true,
    })
    expectMismatch(
      checkRoutingHeaders(
        call(args),
        headers({ 'Mcp-Param-Region': 'r', 'Mcp-Param-Limit': '1' }),
        options,
      ),
      /Mcp-Param-Limit header is set but arguments.limit has no value/,
    )
  })
})
