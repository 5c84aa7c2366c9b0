import { describe, expect, it } from 'vitest'
import * as trunk from '../2025-11-25/index.js'
import { definitions, exampleOf, unchangedSinceTrunk } from './__fixtures__/official.js'
import * as v2026 from './index.js'

const {
  CallToolRequestSchema,
  CallToolResultSchema,
  CancelledNotificationParamsSchema,
  ClientCapabilitiesSchema,
  ClientNotificationSchema,
  ClientRequestSchema,
  CompleteResultSchema,
  ElicitRequestURLParamsSchema,
  HeaderMismatchErrorSchema,
  InputRequestSchema,
  JSONRPCMessageSchema,
  JSONValueSchema,
  ListToolsRequestSchema,
  ListToolsResultSchema,
  MissingRequiredClientCapabilityErrorSchema,
  RequestMetaObjectSchema,
  ResultSchema,
  ServerNotificationSchema,
  ServerResultSchema,
  SubscriptionsListenResultSchema,
  ToolSchema,
  UnsupportedProtocolVersionErrorSchema,
} = v2026

const meta = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
}
const request = (method: string, params: Record<string, unknown> = {}) => ({
  jsonrpc: '2.0',
  id: 1,
  method,
  params: { ...params, _meta: meta },
})
const accepts = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success

describe('the v2026_07_28 namespace', () => {
  it('shares with the trunk exactly the definitions 2026-07-28 left unchanged', () => {
    const schemas = v2026 as Record<string, unknown>
    const trunkSchemas = trunk as Record<string, unknown>
    const shared = Object.keys(definitions).filter(
      (name) => schemas[`${name}Schema`] === trunkSchemas[`${name}Schema`],
    )
    expect(shared.sort()).toEqual(unchangedSinceTrunk().sort())
    expect(shared.length).toBeGreaterThan(40)
  })

  it.each([
    'InitializeRequest',
    'InitializeResult',
    'InitializedNotification',
    'PingRequest',
    'SetLevelRequest',
    'SubscribeRequest',
    'UnsubscribeRequest',
    'RootsListChangedNotification',
    'ElicitationCompleteNotification',
    'URLElicitationRequiredError',
    'ServerRequest',
    'Task',
    'GetTaskRequest',
    'ToolExecution',
  ])('has no %sSchema: 2026-07-28 removed it', (name) => {
    expect(v2026).not.toHaveProperty(`${name}Schema`)
  })
})

describe('requests carry the _meta envelope', () => {
  it('accepts a request with the protocol version and client capabilities', () => {
    expect(accepts(CallToolRequestSchema, request('tools/call', { name: 'echo' }))).toBe(true)
  })

  it('rejects a request without _meta, as the spec calls it malformed', () => {
    const bare = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo' } }
    expect(accepts(CallToolRequestSchema, bare)).toBe(false)
    expect(accepts(ClientRequestSchema, bare)).toBe(false)
  })

  it.each([
    'io.modelcontextprotocol/protocolVersion',
    'io.modelcontextprotocol/clientCapabilities',
  ])('rejects _meta without %s', (key) => {
    const { [key as keyof typeof meta]: _dropped, ...rest } = meta
    expect(accepts(RequestMetaObjectSchema, rest)).toBe(false)
  })

  it('rejects a list request without params, which were optional before', () => {
    expect(accepts(ListToolsRequestSchema, { jsonrpc: '2.0', id: 1, method: 'tools/list' })).toBe(
      false,
    )
    expect(accepts(ListToolsRequestSchema, request('tools/list'))).toBe(true)
  })

  it('types the optional envelope fields and keeps unknown keys such as traceparent', () => {
    const full = {
      ...meta,
      'io.modelcontextprotocol/clientInfo': { name: 'client', version: '1.0.0' },
      'io.modelcontextprotocol/logLevel': 'warning',
      progressToken: 'p-1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01',
    }
    expect(RequestMetaObjectSchema.parse(full)).toEqual(full)
    expect(
      accepts(RequestMetaObjectSchema, { ...meta, 'io.modelcontextprotocol/logLevel': 'loud' }),
    ).toBe(false)
    expect(
      accepts(RequestMetaObjectSchema, { ...meta, 'io.modelcontextprotocol/clientInfo': {} }),
    ).toBe(false)
  })
})

describe('results carry resultType, and list and read results caching hints', () => {
  it('rejects a result without resultType', () => {
    expect(accepts(ResultSchema, {})).toBe(false)
    expect(accepts(CallToolResultSchema, { content: [] })).toBe(false)
    expect(accepts(CallToolResultSchema, { content: [], resultType: 'complete' })).toBe(true)
  })

  it('rejects a legacy InitializeResult as a server result', () => {
    const initialize = {
      protocolVersion: '2025-11-25',
      capabilities: {},
      serverInfo: { name: 'server', version: '1.0.0' },
    }
    expect(accepts(ServerResultSchema, initialize)).toBe(false)
  })

  it('requires ttlMs (an integer >= 0) and cacheScope on a tools/list result', () => {
    const page = { resultType: 'complete', tools: [], ttlMs: 0, cacheScope: 'public' }
    expect(accepts(ListToolsResultSchema, page)).toBe(true)
    expect(accepts(ListToolsResultSchema, { ...page, ttlMs: undefined })).toBe(false)
    expect(accepts(ListToolsResultSchema, { ...page, cacheScope: undefined })).toBe(false)
    expect(accepts(ListToolsResultSchema, { ...page, ttlMs: -1 })).toBe(false)
    expect(accepts(ListToolsResultSchema, { ...page, ttlMs: 1.5 })).toBe(false)
    expect(accepts(ListToolsResultSchema, { ...page, cacheScope: 'shared' })).toBe(false)
  })

  it('ends a subscription with a result that names it', () => {
    expect(accepts(SubscriptionsListenResultSchema, { resultType: 'complete' })).toBe(false)
    expect(accepts(SubscriptionsListenResultSchema, exampleOf('SubscriptionsListenResult'))).toBe(
      true,
    )
  })

  it('caps completion values at 100, which the schema now says', () => {
    const values = (count: number) => ({
      resultType: 'complete',
      completion: { values: Array.from({ length: count }, (_, index) => `v${index}`) },
    })
    expect(accepts(CompleteResultSchema, values(100))).toBe(true)
    expect(accepts(CompleteResultSchema, values(101))).toBe(false)
  })
})

describe('the methods 2026-07-28 removed are rejected', () => {
  it.each(['initialize', 'ping', 'logging/setLevel', 'resources/subscribe', 'tasks/get'])(
    'a client request %s',
    (method) => {
      expect(accepts(ClientRequestSchema, request(method, { uri: 'file:///a', taskId: 't' }))).toBe(
        false,
      )
    },
  )

  it.each([
    ['notifications/initialized', ClientNotificationSchema],
    ['notifications/roots/list_changed', ClientNotificationSchema],
    ['notifications/progress', ClientNotificationSchema],
    ['notifications/elicitation/complete', ServerNotificationSchema],
    ['notifications/tasks/status', ServerNotificationSchema],
  ] as const)('the notification %s', (method, schema) => {
    const params = { progressToken: 1, progress: 1, elicitationId: 'e', taskId: 't' }
    expect(accepts(schema, { jsonrpc: '2.0', method, params })).toBe(false)
  })

  it('server-to-client requests: sampling travels without jsonrpc and id, inside a result', () => {
    const sampling = { method: 'sampling/createMessage', params: { messages: [], maxTokens: 10 } }
    expect(accepts(InputRequestSchema, sampling)).toBe(true)
    expect(accepts(ClientRequestSchema, { jsonrpc: '2.0', id: 1, ...sampling })).toBe(false)
  })
})

describe('what 2026-07-28 changed in the definitions it kept', () => {
  it('requires requestId in notifications/cancelled', () => {
    expect(accepts(CancelledNotificationParamsSchema, { reason: 'bored' })).toBe(false)
    expect(accepts(CancelledNotificationParamsSchema, { requestId: 7 })).toBe(true)
  })

  it('drops elicitationId from URL elicitation', () => {
    const url = { mode: 'url', message: 'Sign in', url: 'https://example.com/login' }
    expect(accepts(ElicitRequestURLParamsSchema, url)).toBe(true)
  })

  it('lets a tool declare any JSON Schema as its output schema', () => {
    const tool = {
      name: 'list',
      inputSchema: { type: 'object' },
      outputSchema: { type: 'array', items: { type: 'string' } },
    }
    expect(accepts(ToolSchema, tool)).toBe(true)
    expect(accepts(ToolSchema, { ...tool, inputSchema: { type: 'array' } })).toBe(false)
  })

  it('adds extensions to capabilities and types their settings as JSON objects', () => {
    const ui = { extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: ['text/html'] } } }
    expect(accepts(ClientCapabilitiesSchema, ui)).toBe(true)
    expect(accepts(ClientCapabilitiesSchema, { extensions: { 'com.example/x': true } })).toBe(false)
  })

  it('follows schema.json, not schema.ts, on JSONValue: no null, no fractions', () => {
    expect(accepts(JSONValueSchema, { a: [1, 'b', true, { c: 2 }] })).toBe(true)
    expect(accepts(JSONValueSchema, null)).toBe(false)
    expect(accepts(JSONValueSchema, 1.5)).toBe(false)
  })

  it('requires resultType in a JSON-RPC result response', () => {
    const response = { jsonrpc: '2.0', id: 1, result: {} }
    expect(accepts(JSONRPCMessageSchema, response)).toBe(false)
    expect(accepts(JSONRPCMessageSchema, { ...response, result: { resultType: 'complete' } })).toBe(
      true,
    )
  })
})

describe('the MCP errors of 2026-07-28', () => {
  it('uses the renumbered codes, not the draft ones', () => {
    const error = (code: number) => ({ jsonrpc: '2.0', id: 1, error: { code, message: 'm' } })
    expect(accepts(HeaderMismatchErrorSchema, error(-32020))).toBe(true)
    expect(accepts(HeaderMismatchErrorSchema, error(-32001))).toBe(false)
  })

  it('requires the data each error promises', () => {
    const unsupported = exampleOf('UnsupportedProtocolVersionError') as {
      error: { data: Record<string, unknown> }
    }
    expect(accepts(UnsupportedProtocolVersionErrorSchema, unsupported)).toBe(true)
    const { supported: _supported, ...withoutSupported } = unsupported.error.data
    expect(
      accepts(UnsupportedProtocolVersionErrorSchema, {
        ...unsupported,
        error: { ...unsupported.error, data: withoutSupported },
      }),
    ).toBe(false)
    expect(
      accepts(MissingRequiredClientCapabilityErrorSchema, {
        jsonrpc: '2.0',
        id: 1,
        error: { code: -32021, message: 'Needs elicitation', data: {} },
      }),
    ).toBe(false)
  })
})
