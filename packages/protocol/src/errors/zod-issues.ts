/**
 * Readable one-line descriptions of zod validation failures.
 * @module
 */

interface Issue {
  readonly path: readonly PropertyKey[]
  readonly message: string
}

/** A zod error from any copy of zod 4 (or 3): `instanceof` fails across copies. */
export interface ZodErrorLike {
  readonly issues: readonly Issue[]
}

const MAX_ISSUES = 5

/** Whether a thrown value is a zod validation error. */
export function isZodError(error: unknown): error is ZodErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { name?: unknown }).name === 'ZodError' ||
      (error as { name?: unknown }).name === '$ZodError') &&
    Array.isArray((error as { issues?: unknown }).issues)
  )
}

/** Formats a path as `content[0].type`. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = ''
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`
    else text += text === '' ? String(key) : `.${String(key)}`
  }
  return text
}

/**
 * Lists the failing paths of a zod error, e.g.
 * `name: Invalid input: expected string, received undefined; arguments.city: Required`.
 */
export function describeZodError(error: ZodErrorLike): string {
  const shown = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = formatPath(issue.path)
    return path === '' ? issue.message : `${path}: ${issue.message}`
  })
  const hidden = error.issues.length - shown.length
  return hidden > 0 ? `${shown.join('; ')} (and ${hidden} more)` : shown.join('; ')
}
