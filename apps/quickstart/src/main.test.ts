import { describe, expect, it } from 'vitest'
import { main } from './main.js'
import { startServer } from './server.js'

describe('pnpm demo', () => {
  it('shows every feature over a real socket, on both wire generations, then closes', async () => {
    const lines: string[] = []
    const report = await main({ env: {}, say: (line) => lines.push(line) })

    expect(report.ownServer).toBe(true)
    expect(report.app).toEqual({
      home: 'Hello from your own Hono app. The MCP server is at /mcp.',
      health: { status: 'ok' },
      withoutKey: 401,
    })
    expect(report.transport).toBe('streamable-http')

    const { tour } = report
    expect(tour.tools).toEqual(['add', 'countdown', 'announce'])
    expect(tour.sum).toBe(5)
    expect(tour.progress).toEqual([
      { progress: 1, total: 3, message: '3 to go' },
      { progress: 2, total: 3, message: '2 to go' },
      { progress: 3, total: 3, message: '1 to go' },
    ])
    expect(tour.countdown).toBe('Liftoff after 3 steps')
    expect(tour.streamed.map((event) => event.type)).toEqual([
      'log',
      'progress',
      'log',
      'progress',
      'result',
    ])
    expect(tour.streamed[0]).toMatchObject({
      level: 'info',
      logger: 'countdown',
      data: 'T-minus 2',
    })
    expect(tour.streamed.at(-1)).toMatchObject({
      result: { content: [{ type: 'text', text: 'Liftoff after 2 steps' }] },
    })
    expect(tour.status).toMatchObject({ sessions: 1 })
    expect(tour.prompt).toBe('Explain MCP to a Hono developer in three sentences.')
    expect(tour.clock).toMatchObject({ tick: expect.any(Number), at: expect.any(String) })

    expect(report.legacy).toEqual({
      transport: 'sse',
      protocolVersion: '2024-11-05',
      added: '20 + 22 = 42',
      announced: 'Announced to 2 sessions',
    })
    expect(report.announcement).toEqual({
      from: 'quickstart-legacy-client',
      message: 'hello from HTTP+SSE',
    })

    expect(lines).toContain('tools/list -> add, countdown, announce')
    expect(lines.some((line) => line.startsWith('broadcast notifications/message [clock]'))).toBe(
      true,
    )
    // The server is gone once the demo returns.
    await expect(fetch(report.url.replace(/\/mcp$/, '/'))).rejects.toThrow()
  })

  it('talks to the server named by MCP_SERVER_URL with the key from MCP_API_KEY', async () => {
    const running = await startServer({ apiKey: 'other-key', port: 0, tickMs: 200 })
    try {
      const report = await main({
        env: { MCP_SERVER_URL: running.url, MCP_API_KEY: 'other-key' },
        say: () => undefined,
      })
      expect(report.ownServer).toBe(false)
      expect(report.app).toBeUndefined()
      expect(report.url).toBe(running.url)
      expect(report.tour.sum).toBe(5)
      expect(report.legacy.transport).toBe('sse')
      // Both demo clients have ended their sessions.
      expect(running.mcp.sessionCount).toBe(0)
    } finally {
      await running.close()
    }
  })

  it('fails with a 401 that names the server when the key is wrong', async () => {
    const running = await startServer({ apiKey: 'right-key', port: 0 })
    try {
      await expect(
        main({
          env: { MCP_SERVER_URL: running.url, MCP_API_KEY: 'wrong-key' },
          say: () => undefined,
        }),
      ).rejects.toThrow(/401.*127\.0\.0\.1|127\.0\.0\.1.*401/)
    } finally {
      await running.close()
    }
  })
})
