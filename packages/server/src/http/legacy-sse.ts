/**
 * HTTP+SSE (2024-11-05): `GET /sse` opens a session and announces where to POST; replies and
 * server requests go out on that one stream.
 * @module
 */
import { ErrorCode, parseJsonRpcValue } from '@mcp-sse/protocol'
import type { Context } from 'hono'
import type { AppContext } from './app.js'
import { checkContentType, readBody } from './guards.js'
import { errorBody, httpError } from './http-error.js'

/** GET /sse: a new session whose first event is `endpoint`. */
export async function openLegacyStream(c: Context, app: AppContext): Promise<Response> {
  const session = await app.sessions.create('sse', await app.identify(c))
  const { sink: connection, response } = app.sseOpener(c)({})
  session.attachLegacy(connection)
  app.sessions.keepAlive.add(connection)
  connection.onClose = () => {
    app.sessions.keepAlive.delete(connection)
    // A 2024-11-05 session lives as long as its stream.
    app.sessions.end(session, 'SSE stream closed').catch((error: unknown) => {
      app.reportError(error)
    })
  }
  // The messages endpoint is announced as an absolute path under the same mount point.
  const path = c.req.path
  const mount =
    app.ssePath !== false && path.endsWith(app.ssePath) ? path.slice(0, -app.ssePath.length) : ''
  connection.writeEvent({
    event: 'endpoint',
    data: `${mount}${app.messagesPath}?sessionId=${session.id}`,
  })
  return response
}

/** POST /messages?sessionId=: 202, the answers go out on the session's SSE stream. */
export async function handleLegacyMessage(c: Context, app: AppContext): Promise<Response> {
  const rejected = checkContentType(c.req.raw)
  if (rejected !== undefined) return rejected
  const id = c.req.query('sessionId') ?? c.req.query('session_id')
  if (id === undefined || id === '') {
    return httpError(
      400,
      'Bad Request: the sessionId query parameter is required (from the endpoint event)',
    )
  }
  const session = app.sessions.live.get(id)
  if (session === undefined || session.ended || session.legacyConnection === undefined) {
    return httpError(404, 'Session not found: open a new SSE stream to start a new session', {
      code: -32001,
    })
  }
  if (session.data.identity !== undefined && session.data.identity !== (await app.identify(c))) {
    return httpError(404, 'Session not found: open a new SSE stream to start a new session', {
      code: -32001,
    })
  }
  const version = c.req.header('mcp-protocol-version')
  if (
    version !== undefined &&
    session.data.protocolVersion !== undefined &&
    version !== session.data.protocolVersion
  ) {
    return httpError(
      400,
      `Bad Request: MCP-Protocol-Version '${version}' differs from the negotiated ${session.data.protocolVersion}`,
    )
  }
  const body = await readBody(c.req.raw, app.maxBodyBytes)
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
  const parsed = parseJsonRpcValue(value, {
    batches: session.data.protocolVersion === '2025-03-26',
  })
  if (!parsed.success) return errorBody(400, parsed.error)
  session.data.lastSeenAt = Date.now()
  session.receive(parsed.messages)
  return new Response('Accepted', { status: 202 })
}
