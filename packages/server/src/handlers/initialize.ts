/**
 * The legacy handshake: `initialize` negotiates the version and records what the client is.
 * @module
 */
import {
  ErrorCode,
  errorResponse,
  negotiateLegacyVersion,
  revision,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type ProtocolVersion,
} from '@mcp-sse/protocol'
import type { SessionData } from '../state/session-store.js'
import type { Implementation, ServerCapabilities } from '../types.js'

/** What the server answers `initialize` with, besides the version. */
export interface InitializeAnswer {
  serverInfo: Implementation
  capabilities: ServerCapabilities
  instructions: string | undefined
  /** The versions the server speaks; only the legacy ones are negotiated here. @default all */
  supportedVersions?: readonly ProtocolVersion[] | undefined
}

/**
 * Answers an `initialize` request: the response to send, and the session data to record
 * (absent when the request was refused).
 */
export function answerInitialize(
  request: JSONRPCRequest,
  data: SessionData,
  answer: InitializeAnswer,
): { response: JSONRPCMessage; patch?: Partial<SessionData> } {
  if (data.protocolVersion !== undefined) {
    return {
      response: errorResponse(
        request.id,
        ErrorCode.InvalidRequest,
        'Invalid Request: the session is already initialized',
      ),
    }
  }
  const params = request.params ?? {}
  const negotiated = negotiateLegacyVersion(params.protocolVersion, answer.supportedVersions)
  if (!negotiated.ok)
    return {
      response: errorResponse(
        request.id,
        negotiated.error.code,
        negotiated.error.message,
        negotiated.error.data,
      ),
    }
  const schema = revision(negotiated.version).methods.clientRequests.initialize?.params
  const checked = schema?.safeParse(params)
  if (checked !== undefined && !checked.success) {
    const problems = checked.error.issues
      .map((issue) => `${issue.path.map(String).join('.') || 'params'}: ${issue.message}`)
      .join('; ')
    return {
      response: errorResponse(
        request.id,
        ErrorCode.InvalidParams,
        `Invalid params for initialize: ${problems}`,
      ),
    }
  }
  const result: Record<string, unknown> = {
    protocolVersion: negotiated.version,
    capabilities: answer.capabilities,
    serverInfo: answer.serverInfo,
  }
  if (answer.instructions !== undefined) result.instructions = answer.instructions
  return {
    response: { jsonrpc: '2.0', id: request.id, result },
    patch: {
      protocolVersion: negotiated.version,
      clientInfo: params.clientInfo as Record<string, unknown> | undefined,
      clientCapabilities: (params.capabilities ?? {}) as Record<string, unknown>,
    },
  }
}
