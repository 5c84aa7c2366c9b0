/**
 * Completion in 2025-06-18: the request without the JSON-RPC envelope. (`context` and
 * `ResourceTemplateReference` are new in this revision.)
 * @see https://modelcontextprotocol.io/specification/2025-06-18/server/utilities/completion
 * @module
 */
import type { z } from 'zod'
import * as trunk from '../2025-11-25/completion.js'
import { PARAMS_META, REQUEST_ENVELOPE } from './jsonrpc.js'

/** `completion/complete`: asks for values an argument could take. */
export const CompleteRequestSchema = trunk.CompleteRequestSchema.omit(REQUEST_ENVELOPE).extend({
  params: trunk.CompleteRequestParamsSchema.omit(PARAMS_META),
})
export type CompleteRequest = z.infer<typeof CompleteRequestSchema>
