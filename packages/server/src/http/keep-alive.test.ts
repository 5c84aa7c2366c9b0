import { describe, expect, it, vi } from 'vitest'
import { KeepAlive } from './keep-alive.js'
import { SseConnection } from './sse-writer.js'

describe('KeepAlive', () => {
  it('writes a comment to every open connection on each interval, and skips closed ones', async () => {
    vi.useFakeTimers()
    try {
      const keepAlive = new KeepAlive(1000)
      const open = new SseConnection()
      const closed = new SseConnection()
      keepAlive.add(open)
      keepAlive.add(closed)
      closed.close()
      vi.advanceTimersByTime(2500)
      expect(keepAlive.size).toBe(1)
      keepAlive.delete(open)
      open.close()
      expect(await new Response(open.body).text()).toBe(': keep-alive\n\n: keep-alive\n\n')
      expect(keepAlive.size).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it('does nothing when the interval is 0', async () => {
    const keepAlive = new KeepAlive(0)
    const connection = new SseConnection()
    keepAlive.add(connection)
    keepAlive.tick()
    connection.close()
    expect(await new Response(connection.body).text()).toBe('')
  })
})
