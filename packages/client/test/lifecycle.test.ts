/**
 * Cancellation, close and the observable state, against the official SDK server.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { connect, LocalError, type ConnectionState, type McpClient } from '../src/index.js'
import { startStreamableHttp, type RunningServer } from './fixtures/official-server.js'

let server: RunningServer | undefined
let client: McpClient | undefined
afterEach(async () => {
  await client?.close()
  await server?.close()
  client = undefined
  server = undefined
})

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe('cancellation and close', () => {
  it('aborting a call rejects it and tells the server, which stops the tool', async () => {
    const running = await startStreamableHttp()
    server = running
    client = await connect(running.url, { memory: false })
    const controller = new AbortController()
    const call = client
      .callTool('slow', { steps: 50, delayMs: 20 }, { signal: controller.signal })
      .catch((e: unknown) => e)
    await until(() => running.log.calls.slow === 1)
    controller.abort()
    const error = await call
    expect(error).toBeInstanceOf(LocalError)
    expect((error as LocalError).type).toBe('aborted')
    await until(() => running.log.cancelled === 1)
    // The session is still good.
    expect((await client.callTool('echo', { text: 'still here' })).content).toHaveLength(1)
  })

  it('close() rejects what is pending, ends the session and reports closed', async () => {
    const running = await startStreamableHttp()
    server = running
    const connected = await connect(running.url, { memory: false })
    client = connected
    const states: ConnectionState[] = []
    connected.onStateChange((state) => states.push(state))
    expect(connected.state).toBe('ready')
    const call = connected.callTool('slow', { steps: 50, delayMs: 20 }).catch((e: unknown) => e)
    await until(() => running.log.calls.slow === 1)
    await connected.close()
    const error = await call
    expect((error as LocalError).type).toBe('closed')
    expect(running.log.deletes).toBe(1)
    expect(states).toEqual(['closed'])
    const after = await connected.ping().catch((e: unknown) => e)
    expect((after as LocalError).type).toBe('closed')
  })
})
