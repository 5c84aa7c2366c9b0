/**
 * Handlers for what a server asks the client (sampling, elicitation, roots), and the
 * capabilities they declare.
 * @module
 */
import { ErrorCode, McpError, type Peer, type RequestContext } from '@mcp-sse/protocol'
import { applyElicitationDefaults } from '../elicitation/defaults.js'
import type { MessageContext } from '../transport/types.js'
import type {
  ClientCapabilities,
  CreateMessageRequestParams,
  ElicitationHandler,
  ElicitRequestParams,
  RootsOption,
  SamplingHandler,
  ServerRequestContext,
} from './types.js'

/** The options that decide what the client can be asked. */
export interface ServerRequestOptions {
  /** Answers `sampling/createMessage`; declares the `sampling` capability. */
  onSampling?: SamplingHandler | undefined
  /**
   * What sampling supports beyond plain messages: `tools` (SEP-1577) and `context`
   * (`includeContext` other than `none`).
   * @default {}
   */
  sampling?: { tools?: boolean | undefined; context?: boolean | undefined } | undefined
  /** Answers `elicitation/create`; declares the `elicitation` capability. */
  onElicitation?: ElicitationHandler | undefined
  /**
   * Which elicitation modes the handler supports.
   * @default { form: true, url: false }
   */
  elicitation?: { form?: boolean | undefined; url?: boolean | undefined } | undefined
  /** Answers `roots/list`; declares `roots` with `listChanged`. */
  roots?: RootsOption | undefined
  /** Capabilities to declare on top, such as `experimental`. */
  capabilities?: ClientCapabilities | undefined
}

/** The capabilities the given handlers amount to. */
export function clientCapabilities(options: ServerRequestOptions): ClientCapabilities {
  const capabilities: ClientCapabilities = { ...options.capabilities }
  if (options.onSampling !== undefined) {
    const sampling: Record<string, object> = {}
    if (options.sampling?.tools === true) sampling.tools = {}
    if (options.sampling?.context === true) sampling.context = {}
    capabilities.sampling = sampling
  }
  if (options.onElicitation !== undefined) {
    const elicitation: Record<string, object> = {}
    if (options.elicitation?.form !== false) elicitation.form = {}
    if (options.elicitation?.url === true) elicitation.url = {}
    capabilities.elicitation = elicitation
  }
  if (options.roots !== undefined) capabilities.roots = { listChanged: true }
  return capabilities
}

/** Registers the handlers on the peer. `roots()` reads the current roots option. */
export function registerServerRequests(
  peer: Peer<MessageContext | undefined>,
  options: ServerRequestOptions,
  roots: () => RootsOption | undefined,
): void {
  const { onSampling, onElicitation } = options
  if (onSampling !== undefined) {
    peer.setRequestHandler('sampling/createMessage', async (params, context) => {
      return onSampling(params as CreateMessageRequestParams, serverRequestContext(context))
    })
  }
  if (onElicitation !== undefined) {
    const form = options.elicitation?.form !== false
    const url = options.elicitation?.url === true
    peer.setRequestHandler('elicitation/create', async (raw, context) => {
      const params = raw as ElicitRequestParams
      const mode = params.mode ?? 'form'
      if ((mode === 'form' && !form) || (mode === 'url' && !url)) {
        throw new McpError(ErrorCode.InvalidParams, `Elicitation mode not supported: ${mode}`)
      }
      const result = await onElicitation(params, serverRequestContext(context))
      if (params.mode === 'url' || result.action !== 'accept') return result
      return {
        ...result,
        content: applyElicitationDefaults(params.requestedSchema, result.content),
      }
    })
  }
  if (options.roots !== undefined) {
    peer.setRequestHandler('roots/list', async () => {
      const option = roots() ?? []
      return { roots: typeof option === 'function' ? await option() : option }
    })
  }
}

function serverRequestContext(
  context: RequestContext<MessageContext | undefined>,
): ServerRequestContext {
  return { signal: context.signal, relatedRequestId: context.extra?.relatedRequestId }
}
