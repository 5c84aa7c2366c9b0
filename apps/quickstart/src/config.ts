/**
 * Configuration from the environment. It lives in the app, not in the libraries: the server and
 * the client take plain options, and this file decides where they come from.
 * @module
 */

/** The API key used when `MCP_API_KEY` is not set. Fine for a local demo, never for a deployment. */
export const DEMO_API_KEY = 'demo-key'

/** What the demo reads from the environment. */
export interface QuickstartConfig {
  /** `MCP_API_KEY`: the bearer token the server expects and the client sends. */
  apiKey: string
  /** `MCP_SERVER_URL`: a server to talk to instead of starting one (its Streamable HTTP URL). */
  serverUrl: string | undefined
  /** `PORT`: where `pnpm serve` listens. @default 3000 */
  port: number
}

/**
 * Reads the configuration; an invalid value is an error that names the variable.
 *
 * @example
 * ```ts
 * const { apiKey, serverUrl } = readConfig(process.env)
 * ```
 */
export function readConfig(env: Record<string, string | undefined>): QuickstartConfig {
  const apiKey = nonEmpty(env.MCP_API_KEY) ?? DEMO_API_KEY
  const serverUrl = nonEmpty(env.MCP_SERVER_URL)
  if (serverUrl !== undefined && !URL.canParse(serverUrl)) {
    throw new Error(`MCP_SERVER_URL is not a URL: ${serverUrl}`)
  }
  const portText = nonEmpty(env.PORT) ?? '3000'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT is not a port number (0-65535): ${portText}`)
  }
  return { apiKey, serverUrl, port }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}
