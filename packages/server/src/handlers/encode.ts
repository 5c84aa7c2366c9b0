/**
 * Era-neutral results (the trunk shape, 2025-11-25) encoded for the revision a client speaks.
 * @module
 */
import type { ContentBlock } from '../types.js'

// Content types each older revision lacks, in the order they were added.
const AUDIO_SINCE = '2025-03-26'
const RESOURCE_LINK_SINCE = '2025-06-18'

/** What an older client gets instead of a content block its revision cannot carry. */
function downgrade(block: ContentBlock, version: string): ContentBlock {
  if (block.type === 'audio' && version < AUDIO_SINCE) {
    return {
      type: 'text',
      text: `[audio content (${block.mimeType}) omitted: not supported by protocol ${version}]`,
    }
  }
  if (block.type === 'resource_link' && version < RESOURCE_LINK_SINCE) {
    return { type: 'text', text: `Resource: ${block.uri}` }
  }
  return block
}

function downgradeAll(blocks: unknown, version: string): unknown {
  if (!Array.isArray(blocks)) return blocks
  let changed = false
  const result = blocks.map((block: ContentBlock) => {
    const next = downgrade(block, version)
    if (next !== block) changed = true
    return next
  })
  return changed ? result : blocks
}

/**
 * Adapts a result to the revision `version`. Results for the newest session-based revisions
 * pass through untouched (and unallocated); older ones lose what they cannot parse.
 */
export function encodeResult(
  method: string,
  result: Record<string, unknown>,
  version: string | undefined,
): Record<string, unknown> {
  if (version === undefined || version >= RESOURCE_LINK_SINCE) return result
  if (method === 'tools/call') {
    const content = downgradeAll(result.content, version)
    return content === result.content ? result : { ...result, content }
  }
  if (method === 'prompts/get' && Array.isArray(result.messages)) {
    const messages = (result.messages as { content: ContentBlock }[]).map((message) => {
      const content = downgrade(message.content, version)
      return content === message.content ? message : { ...message, content }
    })
    return { ...result, messages }
  }
  return result
}
