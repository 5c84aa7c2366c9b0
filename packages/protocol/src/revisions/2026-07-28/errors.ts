/**
 * The typed errors of 2026-07-28. The five JSON-RPC errors are `error` objects; the three MCP
 * errors (`-32020` to `-32022`, each answered with HTTP 400) are whole error responses, because
 * their `data` is part of the contract.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#error-codes
 * @module
 */
import { z } from 'zod'
import { ErrorCode } from '../../errors/error-code.js'
import { ErrorObjectSchema, JSONRPCErrorResponseSchema } from '../../jsonrpc/messages.js'
import { ClientCapabilitiesSchema } from './capabilities.js'

/** `-32700`: the server could not parse the JSON text of a message. */
export const ParseErrorSchema = ErrorObjectSchema.extend({
  code: z.literal(ErrorCode.ParseError),
})
export type ParseError = z.infer<typeof ParseErrorSchema>

/** `-32600`: the message is not a valid JSON-RPC request. */
export const InvalidRequestErrorSchema = ErrorObjectSchema.extend({
  code: z.literal(ErrorCode.InvalidRequest),
})
export type InvalidRequestError = z.infer<typeof InvalidRequestErrorSchema>

/**
 * `-32601`: the method does not exist, or needs a server capability the server did not
 * advertise. On HTTP it comes with status 404.
 */
export const MethodNotFoundErrorSchema = ErrorObjectSchema.extend({
  code: z.literal(ErrorCode.MethodNotFound),
})
export type MethodNotFoundError = z.infer<typeof MethodNotFoundErrorSchema>

/**
 * `-32602`: the params are invalid: an unknown tool or prompt, a bad cursor, a missing required
 * `_meta` field, and since 2026-07-28 a resource that does not exist.
 */
export const InvalidParamsErrorSchema = ErrorObjectSchema.extend({
  code: z.literal(ErrorCode.InvalidParams),
})
export type InvalidParamsError = z.infer<typeof InvalidParamsErrorSchema>

/** `-32603`: the receiver failed while handling a valid request. */
export const InternalErrorSchema = ErrorObjectSchema.extend({
  code: z.literal(ErrorCode.InternalError),
})
export type InternalError = z.infer<typeof InternalErrorSchema>

/**
 * `-32020`: the HTTP headers (`MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name`, `Mcp-Param-*`)
 * do not match the body, or are missing or malformed. HTTP 400.
 */
export const HeaderMismatchErrorSchema = JSONRPCErrorResponseSchema.extend({
  error: ErrorObjectSchema.extend({
    code: z.literal(ErrorCode.HeaderMismatch),
  }),
})
export type HeaderMismatchError = z.infer<typeof HeaderMismatchErrorSchema>

/**
 * `-32021`: the request needs client capabilities it did not declare in `_meta`;
 * `data.requiredCapabilities` names them. HTTP 400.
 */
export const MissingRequiredClientCapabilityErrorSchema = JSONRPCErrorResponseSchema.extend({
  error: ErrorObjectSchema.extend({
    code: z.literal(ErrorCode.MissingRequiredClientCapability),
    data: z.looseObject({
      requiredCapabilities: ClientCapabilitiesSchema,
    }),
  }),
})
export type MissingRequiredClientCapabilityError = z.infer<
  typeof MissingRequiredClientCapabilityErrorSchema
>

/**
 * `-32022`: the server does not implement the requested protocol version; the client should
 * retry with one of `data.supported`. HTTP 400.
 */
export const UnsupportedProtocolVersionErrorSchema = JSONRPCErrorResponseSchema.extend({
  error: ErrorObjectSchema.extend({
    code: z.literal(ErrorCode.UnsupportedProtocolVersion),
    data: z.looseObject({
      supported: z.array(z.string()),
      requested: z.string(),
    }),
  }),
})
export type UnsupportedProtocolVersionError = z.infer<typeof UnsupportedProtocolVersionErrorSchema>
