/**
 * Opaque cursors over a list.
 * @module
 */
import { ErrorCode, McpError } from '@mcp-sse/protocol'

/**
 * One page of `items` from `cursor`: the whole list when `pageSize` is undefined. A cursor the
 * server did not make is `-32602`.
 */
export function paginate<T>(
  items: readonly T[],
  cursor: unknown,
  pageSize: number | undefined,
): { page: readonly T[]; nextCursor?: string } {
  let start = 0
  if (cursor !== undefined) {
    const offset = typeof cursor === 'string' ? decodeCursor(cursor) : undefined
    if (offset === undefined || offset > items.length) {
      throw new McpError(ErrorCode.InvalidParams, `Invalid cursor: ${JSON.stringify(cursor)}`)
    }
    start = offset
  }
  if (pageSize === undefined) return { page: start === 0 ? items : items.slice(start) }
  const end = start + pageSize
  const page = items.slice(start, end)
  return end < items.length ? { page, nextCursor: btoa(`o:${end}`) } : { page }
}

function decodeCursor(cursor: string): number | undefined {
  let text: string
  try {
    text = atob(cursor)
  } catch {
    return undefined
  }
  const match = /^o:(\d{1,9})$/.exec(text)
  return match === null ? undefined : Number(match[1])
}
