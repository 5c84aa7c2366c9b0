/**
 * The open-file limit check that runs before the 10,000-stream scenarios.
 * @module
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** Sockets and files a process needs besides one socket per session. */
export const FD_HEADROOM = 512

/** Descriptors each side (load generator and server) needs for `sessions` open streams. */
export function requiredFileDescriptors(sessions: number): number {
  return sessions + FD_HEADROOM
}

/**
 * The open-file limit a Node process gets. Node raises its soft `RLIMIT_NOFILE` to the hard limit
 * at start-up, so on Linux `/proc/self/limits` (read from inside Node) shows the effective figure;
 * elsewhere the hard limit from `ulimit -Hn` is the best estimate. `undefined` when unknown or
 * unlimited.
 */
export function openFileLimit(): number | undefined {
  try {
    return limitFromProcLimits(readFileSync('/proc/self/limits', 'utf8'))
  } catch {
    // Not Linux: ask the shell.
  }
  try {
    return parseLimit(execFileSync('sh', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).trim())
  } catch {
    return undefined
  }
}

/** The soft open-file limit from the text of `/proc/<pid>/limits`. */
export function limitFromProcLimits(text: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith('Max open files'))
  return parseLimit(line?.split(/\s{2,}/)[1])
}

function parseLimit(text: string | undefined): number | undefined {
  if (text === undefined || text === 'unlimited') return undefined
  const value = Number.parseInt(text, 10)
  return Number.isFinite(value) ? value : undefined
}

/**
 * An error message when `limit` is too low for `sessions` open streams, else `undefined`. The
 * message says what to run, so the user does not have to guess.
 */
export function fileLimitProblem(limit: number | undefined, sessions: number): string | undefined {
  const needed = requiredFileDescriptors(sessions)
  if (limit === undefined || limit >= needed) return undefined
  return [
    `The open-file limit is ${limit}, but ${sessions} open sessions need about ${needed} file`,
    `descriptors in the load generator and again in each server. Raise it in this shell`,
    `(\`ulimit -n ${needed}\`; the hard limit may need root or /etc/security/limits.conf) or`,
    `measure fewer sessions with \`--sessions ${Math.max(100, limit - FD_HEADROOM)}\`.`,
  ].join(' ')
}
