import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { getFreePort, waitForTcp } from './ports.js'

function listen(port: number): Promise<ReturnType<typeof createServer>> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen({ port, host: '127.0.0.1' }, () => {
      resolve(server)
    })
  })
}

describe('getFreePort', () => {
  it('returns a non-privileged port that a server can then listen on', async () => {
    const port = await getFreePort()
    expect(port).toBeGreaterThan(1023)
    expect(port).toBeLessThan(65536)
    const server = await listen(port)
    server.close()
  })

  it('does not hand out a port that is in use', async () => {
    const server = await listen(0)
    const address = server.address()
    const taken = typeof address === 'object' && address !== null ? address.port : -1
    const ports = await Promise.all(Array.from({ length: 5 }, () => getFreePort()))
    expect(ports).not.toContain(taken)
    server.close()
  })
})

describe('waitForTcp', () => {
  it('resolves once something accepts connections', async () => {
    const server = await listen(0)
    const address = server.address()
    const port = typeof address === 'object' && address !== null ? address.port : -1
    await expect(waitForTcp(port, 1000)).resolves.toBeUndefined()
    server.close()
  })

  it('rejects with the address when nothing listens', async () => {
    const port = await getFreePort()
    await expect(waitForTcp(port, 100)).rejects.toThrow(`127.0.0.1:${port}`)
  })
})
