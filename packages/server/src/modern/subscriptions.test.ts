import { v2026_07_28 } from '@mcp-sse/protocol'
import { describe, expect, it } from 'vitest'
import {
  channels,
  MemoryMessageBus,
  type BusMessage,
  type MessageBus,
} from '../state/message-bus.js'
import type { ServerCapabilities } from '../types.js'
import { SseReader } from './__fixtures__/sse.js'
import { SubscriptionHub, honouredFilter, publishResourceUpdated } from './subscriptions.js'

const serverInfo = { name: 'demo', version: '1.0.0' }
const everything: ServerCapabilities = {
  tools: { listChanged: true },
  prompts: { listChanged: true },
  resources: { listChanged: true, subscribe: true },
}

/** What McpServer publishes when a registry changes. */
function broadcast(bus: MessageBus, method: string, params?: Record<string, unknown>): void {
  const data = JSON.stringify(
    params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params },
  )
  void bus.publish(channels.broadcast, { type: 'broadcast', data })
}

/** A bus that counts its listeners. */
class CountingBus extends MemoryMessageBus {
  listeners = 0
  override subscribe(channel: string, listener: (message: BusMessage) => void): () => void {
    this.listeners += 1
    const unsubscribe = super.subscribe(channel, listener)
    return () => {
      this.listeners -= 1
      unsubscribe()
    }
  }
}

describe('SubscriptionHub', () => {
  it('acknowledges first, then delivers the changes the client asked for, tagged with its id', async () => {
    const bus = new MemoryMessageBus()
    const hub = new SubscriptionHub({ bus, serverInfo })
    const response = hub.open({ id: 7, filter: { toolsListChanged: true } }, everything)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    expect(response.headers.get('x-accel-buffering')).toBe('no')
    const reader = new SseReader(response)

    const ack = await reader.next()
    expect(v2026_07_28.SubscriptionsAcknowledgedNotificationSchema.parse(ack)).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/subscriptions/acknowledged',
      params: {
        _meta: { 'io.modelcontextprotocol/subscriptionId': 7 },
        notifications: { toolsListChanged: true },
      },
    })

    broadcast(bus, 'notifications/prompts/list_changed')
    broadcast(bus, 'notifications/message', { level: 'info', data: 'not for listen streams' })
    broadcast(bus, 'notifications/tools/list_changed')
    const change = await reader.next()
    expect(v2026_07_28.ToolListChangedNotificationSchema.parse(change)).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/tools/list_changed',
      params: { _meta: { 'io.modelcontextprotocol/subscriptionId': 7 } },
    })
    await reader.cancel()
  })

  it('delivers a change published on another instance (a shared bus)', async () => {
    const bus = new MemoryMessageBus()
    const instanceA = new SubscriptionHub({ bus, serverInfo })
    const instanceB = new SubscriptionHub({ bus, serverInfo })
    const onA = new SseReader(
      instanceA.open({ id: 'a', filter: { promptsListChanged: true } }, everything),
    )
    const onB = new SseReader(
      instanceB.open({ id: 'b', filter: { promptsListChanged: true } }, everything),
    )
    await onA.next()
    await onB.next()
    broadcast(bus, 'notifications/prompts/list_changed')
    expect(await onA.next()).toMatchObject({
      params: { _meta: { 'io.modelcontextprotocol/subscriptionId': 'a' } },
    })
    expect(await onB.next()).toMatchObject({
      params: { _meta: { 'io.modelcontextprotocol/subscriptionId': 'b' } },
    })
    await onA.cancel()
    await onB.cancel()
  })

  it('sends resource updates only for the subscribed URIs', async () => {
    const bus = new MemoryMessageBus()
    const hub = new SubscriptionHub({ bus, serverInfo })
    const reader = new SseReader(
      hub.open(
        { id: 1, filter: { resourceSubscriptions: ['file:///a', 'file:///a'] } },
        everything,
      ),
    )
    expect(await reader.next()).toMatchObject({
      params: { notifications: { resourceSubscriptions: ['file:///a'] } },
    })
    await publishResourceUpdated(bus, 'file:///b')
    await publishResourceUpdated(bus, 'file:///a')
    const update = await reader.next()
    expect(v2026_07_28.ResourceUpdatedNotificationSchema.parse(update)).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/resources/updated',
      params: { uri: 'file:///a', _meta: { 'io.modelcontextprotocol/subscriptionId': 1 } },
    })
    await reader.cancel()
  })

  it('ends gracefully with the listen result, then closes the stream', async () => {
    const bus = new MemoryMessageBus()
    const hub = new SubscriptionHub({ bus, serverInfo })
    const reader = new SseReader(hub.open({ id: 3, filter: {} }, everything))
    await reader.next()
    hub.close()
    const end = await reader.next()
    expect(v2026_07_28.SubscriptionsListenResultResponseSchema.parse(end)).toEqual({
      jsonrpc: '2.0',
      id: 3,
      result: {
        resultType: 'complete',
        _meta: {
          'io.modelcontextprotocol/subscriptionId': 3,
          'io.modelcontextprotocol/serverInfo': serverInfo,
        },
      },
    })
    expect(await reader.ended()).toBe(true)
    expect(hub.size).toBe(0)
  })

  it('forgets a subscription the client closed, and stops listening when none is left', async () => {
    const bus = new CountingBus()
    const hub = new SubscriptionHub({ bus, serverInfo })
    const first = new SseReader(hub.open({ id: 1, filter: { toolsListChanged: true } }, everything))
    const second = new SseReader(
      hub.open({ id: 2, filter: { toolsListChanged: true } }, everything),
    )
    expect(hub.size).toBe(2)
    expect(bus.listeners).toBe(2)
    await first.cancel()
    expect(hub.size).toBe(1)
    await second.cancel()
    expect(hub.size).toBe(0)
    expect(bus.listeners).toBe(0)
  })

  it('closes the stream when the HTTP request is aborted', async () => {
    const hub = new SubscriptionHub({ bus: new MemoryMessageBus(), serverInfo })
    const controller = new AbortController()
    const reader = new SseReader(hub.open({ id: 1, filter: {} }, everything, controller.signal))
    await reader.next()
    controller.abort()
    expect(await reader.ended()).toBe(true)
    expect(hub.size).toBe(0)
  })
})

describe('honouredFilter', () => {
  it('keeps only what the server can announce', () => {
    const requested = {
      toolsListChanged: true,
      promptsListChanged: true,
      resourcesListChanged: false,
      resourceSubscriptions: ['x'],
    }
    expect(
      honouredFilter(requested, { tools: { listChanged: true }, resources: { listChanged: true } }),
    ).toEqual({
      toolsListChanged: true,
    })
    expect(honouredFilter(requested, everything)).toEqual({
      toolsListChanged: true,
      promptsListChanged: true,
      resourceSubscriptions: ['x'],
    })
  })
})
