/**
 * Free TCP ports on 127.0.0.1 for the servers under test.
 * @module
 */
import { createServer } from 'node:net'

/** The loopback address every contender listens on and every request goes to. */
export const HOST = '127.0.0.1'

/**
 * A port that was free a moment ago: the kernel picks one for a listener on port 0, which is
 * closed again. Another process could take it before the server binds; the server then fails to
 * start and the harness reports it.
 */
export function getFreePort(host = HOST): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address()
      if (address === null || typeof address === 'string') {
        server.close()
        reject(new Error(`Could not read the port of a listener on ${host}`))
        return
      }
      server.close(() => {
        resolve(address.port)
      })
    })
  })
}

/** Resolves once a TCP connection to `host:port` succeeds; rejects after `timeoutMs`. */
export async function waitForTcp(port: number, timeoutMs: number, host = HOST): Promise<void> {
  const { connect } = await import('node:net')
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const connected = await new Promise<boolean>((resolve) => {
      const socket = connect({ port, host })
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => {
        socket.destroy()
        resolve(false)
      })
    })
    if (connected) return
    if (Date.now() > deadline) throw new Error(`Nothing accepted connections on ${host}:${port}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
