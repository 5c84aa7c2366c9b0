import { McpError, Peer, type JSONRPCMessage } from '@mcp-sse/protocol'
import { describe, expect, it } from 'vitest'
import type { MessageContext } from '../transport/types.js'
import {
  clientCapabilities,
  registerServerRequests,
  type ServerRequestOptions,
} from './server-requests.js'

/** A client peer with the handlers, and a server peer to ask it things. */
function linked(options: ServerRequestOptions) {
  const deliver = (to: () => Peer<MessageContext | undefined>) => (message: JSONRPCMessage) => {
    const copy: unknown = JSON.parse(JSON.stringify(message))
    queueMicrotask(() => {
      to().receive(copy)
    })
  }
  const client: Peer<MessageContext | undefined> = new Peer({ send: deliver(() => server) })
  const server: Peer<MessageContext | undefined> = new Peer({ send: deliver(() => client) })
  let roots = options.roots
  registerServerRequests(client, options, () => roots)
  return {
    server,
    setRoots: (next: ServerRequestOptions['roots']) => (roots = next),
  }
}

const form = {
  message: 'Who are you?',
  requestedSchema: {
    type: 'object',
    properties: { name: { type: 'string', default: 'Ada' }, age: { type: 'integer', default: 36 } },
  },
}

describe('clientCapabilities', () => {
  it('declares what the handlers can answer', () => {
    expect(clientCapabilities({})).toEqual({})
    expect(
      clientCapabilities({
        onSampling: () => ({ role: 'assistant', model: 'm', content: { type: 'text', text: '' } }),
        sampling: { tools: true },
        onElicitation: () => ({ action: 'cancel' }),
        elicitation: { url: true },
        roots: [],
        capabilities: { experimental: { x: {} } },
      }),
    ).toEqual({
      experimental: { x: {} },
      sampling: { tools: {} },
      elicitation: { form: {}, url: {} },
      roots: { listChanged: true },
    })
  })
})

describe('server requests', () => {
  it('fills form defaults into an accepted elicitation, keeping what the user answered', async () => {
    const { server } = linked({ onElicitation: () => ({ action: 'accept', content: { age: 40 } }) })
    expect(await server.request('elicitation/create', form)).toEqual({
      action: 'accept',
      content: { name: 'Ada', age: 40 },
    })
  })

  it('leaves a declined elicitation alone', async () => {
    const { server } = linked({ onElicitation: () => ({ action: 'decline' }) })
    expect(await server.request('elicitation/create', form)).toEqual({ action: 'decline' })
  })

  it('answers a URL elicitation only when URL mode was declared', async () => {
    const url = {
      mode: 'url',
      message: 'Sign in',
      url: 'https://example.com/x',
      elicitationId: 'e1',
    }
    const seen: unknown[] = []
    const onElicitation: ServerRequestOptions['onElicitation'] = (params) => {
      seen.push(params)
      return { action: 'accept' }
    }
    const formOnly = linked({ onElicitation })
    const refused = await formOnly.server
      .request('elicitation/create', url)
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(McpError)
    expect((refused as McpError).code).toBe(-32602)
    expect(seen).toEqual([])

    const withUrl = linked({ onElicitation, elicitation: { url: true } })
    expect(await withUrl.server.request('elicitation/create', url)).toEqual({ action: 'accept' })
    expect(seen).toEqual([url])
  })

  it('passes sampling requests, tools included, to the handler', async () => {
    const { server } = linked({
      onSampling: (params) => ({
        role: 'assistant',
        model: 'test',
        content: { type: 'text', text: `${params.tools?.length ?? 0} tools` },
      }),
      sampling: { tools: true },
    })
    const result = await server.request('sampling/createMessage', {
      messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }],
      maxTokens: 10,
      tools: [{ name: 'search', inputSchema: { type: 'object' } }],
    })
    expect(result).toEqual({
      role: 'assistant',
      model: 'test',
      content: { type: 'text', text: '1 tools' },
    })
  })

  it('answers roots/list from the current roots, a list or a function', async () => {
    const linkedPeers = linked({ roots: [{ uri: 'file:///a' }] })
    expect(await linkedPeers.server.request('roots/list')).toEqual({
      roots: [{ uri: 'file:///a' }],
    })
    linkedPeers.setRoots(() => Promise.resolve([{ uri: 'file:///b', name: 'b' }]))
    expect(await linkedPeers.server.request('roots/list')).toEqual({
      roots: [{ uri: 'file:///b', name: 'b' }],
    })
  })

  it('leaves what has no handler to the peer: method not found', async () => {
    const { server } = linked({})
    const error = await server.request('sampling/createMessage', {}).catch((e: unknown) => e)
    expect((error as McpError).code).toBe(-32601)
  })
})
