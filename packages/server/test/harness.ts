/**
 * Test helpers: talk to a server's Hono app in-process, SSE included.
 */
import type { Hono } from 'hono'

/** A JSON-RPC message as tests read it: any shape, checked by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Message = Record<string, any>

export const ACCEPT_BOTH = 'application/json, text/event-stream'

export interface SseEvent {
  id?: string
  event?: string
  data: string
  retry?: number
  comment?: string
}

/** Reads SSE events from a response until `stop` says so, or the stream ends. */
export async function readEvents(
  response: Response,
  stop: (event: SseEvent, all: SseEvent[]) => boolean = () => false,
  options: { comments?: boolean } = {},
): Promise<SseEvent[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  const events: SseEvent[] = []
  let buffer = ''
  let current: Partial<SseEvent> & { dataLines?: string[] } = {}
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      buffer += value
      let newline: number
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        if (line === '') {
          if (current.dataLines !== undefined || current.comment !== undefined) {
            const event: SseEvent = { data: (current.dataLines ?? []).join('\n') }
            if (current.id !== undefined) event.id = current.id
            if (current.event !== undefined) event.event = current.event
            if (current.retry !== undefined) event.retry = current.retry
            if (current.comment !== undefined) event.comment = current.comment
            if (event.comment === undefined || options.comments === true) {
              events.push(event)
              if (stop(event, events)) return events
            }
          }
          current = {}
          continue
        }
        if (line.startsWith(':')) {
          current.comment = line.slice(1).trim()
          continue
        }
        const colon = line.indexOf(':')
        const field = colon === -1 ? line : line.slice(0, colon)
        const fieldValue = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
        if (field === 'data') (current.dataLines ??= []).push(fieldValue)
        else if (field === 'id') current.id = fieldValue
        else if (field === 'event') current.event = fieldValue
        else if (field === 'retry') current.retry = Number(fieldValue)
      }
    }
    return events
  } finally {
    await reader.cancel().catch(() => {})
  }
}

/** The JSON-RPC messages among SSE events. */
export function messagesOf(events: SseEvent[]): Message[] {
  return events
    .filter((event) => event.data !== '' && event.event !== 'endpoint')
    .map((event) => JSON.parse(event.data))
}

/** A small in-process Streamable HTTP client. */
export class TestClient {
  readonly app: Hono
  readonly base: string
  sessionId: string | undefined
  protocolVersion = '2025-11-25'
  #nextId = 1

  constructor(app: Hono, base = 'http://localhost/mcp') {
    this.app = app
    this.base = base
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: ACCEPT_BOTH,
      'mcp-protocol-version': this.protocolVersion,
      ...extra,
    }
    if (this.sessionId !== undefined) headers['mcp-session-id'] = this.sessionId
    return headers
  }

  post(body: unknown, extra: Record<string, string> = {}): Promise<Response> {
    return this.app.request(this.base, {
      method: 'POST',
      headers: this.headers(extra),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }) as Promise<Response>
  }

  get(extra: Record<string, string> = {}): Promise<Response> {
    const headers = this.headers(extra)
    headers.accept = 'text/event-stream'
    delete headers['content-type']
    return this.app.request(this.base, { method: 'GET', headers }) as Promise<Response>
  }

  delete(): Promise<Response> {
    return this.app.request(this.base, {
      method: 'DELETE',
      headers: this.headers(),
    }) as Promise<Response>
  }

  async initialize(
    capabilities: Record<string, unknown> = {},
    protocolVersion = '2025-11-25',
  ): Promise<Message> {
    const response = await this.post({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion, capabilities, clientInfo: { name: 'test', version: '1.0.0' } },
    })
    if (response.status !== 200)
      throw new Error(`initialize failed: ${response.status} ${await response.text()}`)
    this.sessionId = response.headers.get('mcp-session-id') ?? undefined
    const body = (await response.json()) as Message
    this.protocolVersion = body.result.protocolVersion
    await this.post({ jsonrpc: '2.0', method: 'notifications/initialized' })
    return body
  }

  /** Sends a request and returns every message of its answer (the JSON body, or the SSE events). */
  async request(
    method: string,
    params?: Record<string, unknown>,
  ): Promise<{ response: Response; messages: Message[] }> {
    const id = this.#nextId++
    const response = await this.post({
      jsonrpc: '2.0',
      id,
      method,
      ...(params === undefined ? {} : { params }),
    })
    if (response.headers.get('content-type')?.startsWith('application/json') === true) {
      return { response, messages: [await response.json()] }
    }
    const events = await readEvents(
      response,
      (event) =>
        event.data !== '' &&
        JSON.parse(event.data).id === id &&
        !('method' in JSON.parse(event.data)),
    )
    return { response, messages: messagesOf(events) }
  }

  /** Sends a request and returns its result (throws on a JSON-RPC error). */
  async call(method: string, params?: Record<string, unknown>): Promise<Message> {
    const { messages } = await this.request(method, params)
    const last = messages[messages.length - 1]!
    if ('error' in last)
      throw Object.assign(new Error(last.error.message), { code: last.error.code })
    return last.result
  }
}
