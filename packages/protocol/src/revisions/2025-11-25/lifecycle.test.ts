import { describe, expect, it } from 'vitest'
import {
  ClientCapabilitiesSchema,
  InitializeRequestSchema,
  InitializeResultSchema,
  ServerCapabilitiesSchema,
} from './index.js'

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: {
      roots: { listChanged: true },
      sampling: { tools: {} },
      elicitation: { form: {}, url: {} },
      tasks: { requests: { elicitation: { create: {} }, sampling: { createMessage: {} } } },
    },
    clientInfo: {
      name: 'ExampleClient',
      title: 'Example Client Display Name',
      version: '1.0.0',
      icons: [{ src: 'https://example.com/icon.png', mimeType: 'image/png', sizes: ['48x48'] }],
      websiteUrl: 'https://example.com',
    },
  },
}

describe('initialize', () => {
  it('accepts the request the spec shows', () => {
    expect(InitializeRequestSchema.parse(initialize)).toEqual(initialize)
  })

  it('rejects a client without a version or without capabilities', () => {
    const { version: _, ...nameOnly } = initialize.params.clientInfo
    const withoutVersion = { ...initialize.params, clientInfo: nameOnly }
    expect(
      InitializeRequestSchema.safeParse({ ...initialize, params: withoutVersion }).success,
    ).toBe(false)
    const { capabilities: __, ...withoutCapabilities } = initialize.params
    expect(
      InitializeRequestSchema.safeParse({ ...initialize, params: withoutCapabilities }).success,
    ).toBe(false)
  })

  it('accepts the result with server capabilities and instructions', () => {
    const result = {
      protocolVersion: '2025-11-25',
      capabilities: {
        logging: {},
        completions: {},
        prompts: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        tools: { listChanged: true },
        tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } },
      },
      serverInfo: { name: 'ExampleServer', version: '1.0.0' },
      instructions: 'Optional instructions for the client',
    }
    expect(InitializeResultSchema.parse(result)).toEqual(result)
  })
})

describe('capabilities', () => {
  it('keep capabilities this revision does not know, and experimental ones', () => {
    const capabilities = {
      experimental: { 'x.dev/streaming': { chunk: 1 } },
      roots: { listChanged: true, future: 1 },
      somethingNew: { enabled: true },
    }
    expect(ClientCapabilitiesSchema.parse(capabilities)).toEqual(capabilities)
  })

  it('reject a capability flag that is not an object', () => {
    expect(ServerCapabilitiesSchema.safeParse({ logging: true }).success).toBe(false)
    expect(ServerCapabilitiesSchema.safeParse({ tools: { listChanged: 'yes' } }).success).toBe(
      false,
    )
    expect(ClientCapabilitiesSchema.safeParse({ experimental: { a: 1 } }).success).toBe(false)
  })
})
