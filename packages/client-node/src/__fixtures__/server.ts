import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'

/** A `node:http` server on 127.0.0.1 with a free port, and what it saw. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string
  /** How many TCP connections were opened to it. */
  connections(): number
  close(): Promise<void>
}

export type Handler = (
  request: IncomingMessage & { text: string },
  response: ServerResponse,
) => void | Promise<void>

/** Serves `handler`, with each request's body read into `request.text` first. */
export async function startServer(handler: Handler): Promise<TestServer> {
  let connections = 0
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      void handler(Object.assign(request, { text }), response)
    })
  })
  server.on('connection', () => connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      }),
  }
}

/** A `serve(handler)` for a test file: every server it starts is closed after each test. */
export function serverPerTest(): (handler: Handler) => Promise<TestServer> {
  const servers: TestServer[] = []
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close()
  })
  return async (handler) => {
    const server = await startServer(handler)
    servers.push(server)
    return server
  }
}
