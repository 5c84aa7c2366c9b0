/**
 * Node.js helpers: start a server on `node:http` in one line (through `@hono/node-server`).
 * The only part of the package that imports `node:` modules.
 * @module
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve as serveNode } from '@hono/node-server'
import { Hono } from 'hono'
import type { McpAppOptions } from '../http/app.js'
import { McpServer } from '../mcp-server.js'

/** Options of {@link serve}: where to listen, plus every option of `server.app()`. */
export interface ServeOptions extends McpAppOptions {
  /**
   * The port; `0` picks a free one (read it from the result).
   * @default 3000
   */
  port?: number
  /**
   * The interface to listen on. The default keeps a local server local; with another address,
   * set `allowedHosts` to the names clients will use.
   * @default '127.0.0.1'
   */
  hostname?: string
}

/** A running server. */
export interface RunningServer {
  /** The Streamable HTTP endpoint, e.g. `http://127.0.0.1:3000/mcp`. */
  readonly url: string
  /** The port actually bound. */
  readonly port: number
  /** The Node HTTP server. */
  readonly httpServer: Server
  /** Stops accepting connections, ends every session and stream, runs the lifespan cleanup. */
  close(): Promise<void>
}

/**
 * Serves an McpServer (Streamable HTTP at `/mcp`, HTTP+SSE at `/sse`, health at `/health`) or
 * any Hono app on `node:http`.
 *
 * @example
 * ```ts
 * import { serve } from '@mcp-sse/server/node'
 * const running = await serve(server, { port: 3000 })
 * console.log(`MCP server at ${running.url}`)
 * ```
 */
export async function serve(
  target: McpServer | Hono,
  options: ServeOptions = {},
): Promise<RunningServer> {
  const { port = 3000, hostname = '127.0.0.1', ...appOptions } = options
  const path = appOptions.path ?? '/mcp'
  let fetch: Hono['fetch']
  if (target instanceof McpServer) {
    await target.start()
    const app = new Hono()
    app.route('/', target.app({ ...appOptions, path }))
    fetch = app.fetch
  } else {
    fetch = target.fetch
  }
  const httpServer = await new Promise<Server>((resolve, reject) => {
    // Only plain HTTP is created here, so the server is a node:http Server.
    const server = serveNode({ fetch, port, hostname }, () => {
      resolve(server)
    }) as Server
    server.once('error', reject)
  })
  const address = httpServer.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${host}:${address.port}${path}`,
    port: address.port,
    httpServer,
    async close() {
      const closed = new Promise<void>((resolve) => {
        httpServer.close(() => {
          resolve()
        })
      })
      if (target instanceof McpServer) await target.close()
      httpServer.closeAllConnections()
      await closed
    },
  }
}
