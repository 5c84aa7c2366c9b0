/**
 * Streamable HTTP (2025-03-26 to 2025-11-25): POST, GET and DELETE on one endpoint.
 * @module
 */
import {
  ErrorCode,
  LEGACY_PROTOCOL_VERSIONS,
  parseJsonRpcValue,
  type JSONRPCRequest,
  type RequestId,
} from '@mcp-sse/protocol'
import type { Context } from 'hono'
import { isModernRequest } from '../modern/dispatcher.js'
import type { LiveSession } from '../session/session.js'
import { isWellFormedSessionId } from '../session/session-id.js'
import type { AppContext } from './app.js'
import { checkAccept, checkContentType, readBody } from './guards.js'
import { errorBody, httpError, jsonResponse } from './http-error.js'

const SUPPORTED: readonly string[] = LEGACY_PROTOCOL_VERSIONS

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The session a request names in `Mcp-Session-Id`, or the response that rejects it: 400 without
 * the header, 404 for a session that does not exist, ended, or belongs to someone else.
 */
export async function sessionOf(
  c: Context,
  app: AppContext,
  id: string | null | undefined,
): Promise<LiveSession | Response> {
  if (id === null || id === undefined || id === '') {
    return httpError(
      400,
      'Bad Request: the Mcp-Session-Id header is required (send initialize first to get one)',
    )
  }
  if (!isWellFormedSessionId(id)) return sessionNotFound()
  const found = app.sessions.find(id)
  const session = found instanceof Promise ? await found : found
  if (session === undefined) return sessionNotFound()
  if (session.data.identity !== undefined || app.identify !== undefined) {
    const identity = await app.identify(c)
    if (session.data.identity !== identity) return sessionNotFound()
  }
  session.data.lastSeenAt = Date.now()
  return session
}

function sessionNotFound(): Response {
  return httpError(
    404,
    'Session not found: it ended or never existed; send initialize to start a new session',
    { code: -32001 },
  )
}

/** 400 for an `MCP-Protocol-Version` this server does not speak. */
function checkVersionHeader(c: Context): Response | undefined {
  const version = c.req.header('mcp-protocol-version')
  if (version === undefined || SUPPORTED.includes(version)) return undefined
  return httpError(
    400,
    `Bad Request: unsupported MCP-Protocol-Version '${version}' (supported: ${SUPPORTED.join(', ')})`,
  )
}

/** POST: one message or (2025-03-26) a batch. */
export async function handlePost(c: Context, app: AppContext): Promise<Response> {
  const request = c.req.raw
  const rejected =
    checkContentType(request) ??
    checkAccept(
      request,
      app.responseMode === 'json'
        ? ['application/json']
        : ['application/json', 'text/event-stream'],
    )
  if (rejected !== undefined) return rejected
  const body = await readBody(request, app.maxBodyBytes)
  if ('response' in body) return body.response
  let value: unknown
  try {
    value = JSON.parse(body.text)
  } catch (error) {
    const reason = error instanceof Error ? `: ${error.message}` : ''
    return httpError(400, `Parse error: the body is not valid JSON${reason}`, {
      code: ErrorCode.ParseError,
    })
  }

  // 2026-07-28 requests are stateless: before initialize and any session lookup.
  if (isModernRequest(value, request.headers)) return app.modern(c, value)
  const sessionId = c.req.header('mcp-session-id')
  if (isObject(value) && value.method === 'initialize') {
    return initialize(c, app, value, sessionId)
  }

  const session = await sessionOf(c, app, sessionId)
  if (session instanceof Response) return session
  const versionRejected = checkVersionHeader(c)
  if (versionRejected !== undefined) return versionRejected
  const parsed = parseJsonRpcValue(value, {
    batches: session.data.protocolVersion === '2025-03-26',
  })
  if (!parsed.success) return errorBody(400, parsed.error)
  const requestIds: RequestId[] = []
  for (const message of parsed.messages) {
    if (!('method' in message) || !('id' in message) || message.id === undefined) continue
    const { id, method } = message as JSONRPCRequest
    if (method === 'initialize') {
      return httpError(
        400,
        'Invalid Request: initialize must be sent alone, without Mcp-Session-Id',
      )
    }
    if (session.hasPendingRequest(id) || requestIds.includes(id)) {
      return httpError(
        400,
        `Invalid Request: request id ${JSON.stringify(id)} is already in use in this session`,
      )
    }
    requestIds.push(id)
  }
  if (requestIds.length === 0) {
    session.receive(parsed.messages)
    return new Response(null, { status: 202, headers: session.headers })
  }
  const stream = session.openRequestStream(
    requestIds,
    parsed.batch,
    app.responseMode,
    app.sseOpener(c),
  )
  session.receive(parsed.messages)
  return (
    (await stream.response) ??
    httpError(500, 'Internal Server Error: the request stream has no response')
  )
}

async function initialize(
  c: Context,
  app: AppContext,
  message: Record<string, unknown>,
  sessionId: string | undefined,
): Promise<Response> {
  if (sessionId !== undefined) {
    return httpError(
      400,
      'Invalid Request: initialize opens a new session and must be sent without Mcp-Session-Id',
    )
  }
  const parsed = parseJsonRpcValue(message)
  if (!parsed.success) return errorBody(400, parsed.error)
  const [request] = parsed.messages
  if (request === undefined || !('id' in request)) {
    return httpError(400, 'Invalid Request: initialize must be a request with an id')
  }
  const session = await app.sessions.create('streamable-http', await app.identify(c))
  const response = app.sessions.initialize(session, request as JSONRPCRequest)
  if ('error' in response) {
    await app.sessions.end(session, 'initialize failed')
    return jsonResponse(response, { status: 400 })
  }
  return jsonResponse(response, { headers: session.headers })
}

/** GET: the standalone stream, or resumption of any stream with `Last-Event-ID`. */
export async function handleGet(c: Context, app: AppContext): Promise<Response> {
  if (!app.getStream) {
    return httpError(405, 'Method Not Allowed: this server offers no GET stream', {
      headers: { Allow: 'POST, DELETE' },
    })
  }
  const rejected = checkAccept(c.req.raw, ['text/event-stream'])
  if (rejected !== undefined) return rejected
  const session = await sessionOf(c, app, c.req.header('mcp-session-id'))
  if (session instanceof Response) return session
  const versionRejected = checkVersionHeader(c)
  if (versionRejected !== undefined) return versionRejected
  const open = app.sseOpener(c)
  const lastEventId = c.req.header('last-event-id')
  if (lastEventId !== undefined) {
    const resumed = session.resume(lastEventId, open)
    if (resumed !== undefined) return resumed
  }
  const opened = session.openStandalone(open)
  if (opened !== undefined) return opened
  return httpError(409, 'Conflict: this session already has a GET stream open; only one is allowed')
}

/** DELETE: ends the session. */
export async function handleDelete(c: Context, app: AppContext): Promise<Response> {
  if (!app.allowDelete) {
    return httpError(405, 'Method Not Allowed: sessions cannot be ended by the client', {
      headers: { Allow: 'GET, POST' },
    })
  }
  const session = await sessionOf(c, app, c.req.header('mcp-session-id'))
  if (session instanceof Response) return session
  await app.sessions.end(session, 'ended by the client (DELETE)')
  return new Response(null, { status: 200 })
}
