/**
 * The servers under test, and how to start each one directly with node (no pnpm in between, so
 * the harness can add `--expose-gc` and the memory probe, and kill exactly what it started).
 * @module
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ServerSpec } from './process/children.js'
import { parseNodeScript } from './process/readiness.js'

/** Every server contender. */
export const CONTENDER_IDS = [
  'ours',
  'sdk-v1',
  'sdk-v2',
  'sdk-v2-stateless',
  'raw-node',
  'raw-hono',
] as const
/** One server contender. */
export type ContenderId = (typeof CONTENDER_IDS)[number]

/** A contender: how it is labelled and started, or why it cannot be. */
export interface Contender {
  id: ContenderId
  label: string
  spec?: ServerSpec
  unavailable?: string
}

/** The bench package directory. */
export const BENCH_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** The repository root. */
export const REPO_ROOT = resolve(BENCH_ROOT, '..')

const TSX = import.meta.resolve('tsx')
const PROBE = import.meta.resolve('./servers/probe.ts')

/** Node flags every server gets: TypeScript through tsx, the memory probe, a GC to force. */
function nodeFlags(extra: string[] = []): string[] {
  return ['--expose-gc', '--conditions=source', ...extra, '--import', TSX, '--import', PROBE]
}

function ownServer(file: string): ServerSpec {
  return {
    command: process.execPath,
    args: [...nodeFlags(), join(BENCH_ROOT, 'src', 'servers', file)],
    cwd: BENCH_ROOT,
  }
}

const LABELS: Record<ContenderId, string> = {
  ours: 'ours (mcp-sse)',
  'sdk-v1': 'SDK 1.x (node:http)',
  'sdk-v2': 'SDK v2 (Hono)',
  'sdk-v2-stateless': 'SDK v2 createMcpHandler',
  'raw-node': 'raw node:http',
  'raw-hono': 'raw Hono',
}

/** Scripts of apps/bench-server tried in this order for the command that starts it. */
const OUR_SCRIPTS = ['bench:server', 'start', 'serve', 'dev']

/**
 * How to start `apps/bench-server` directly: its package.json script parsed into a node call,
 * with the harness's flags added. Unavailable, with the reason, until the app exists.
 */
export function resolveOurs(repoRoot = REPO_ROOT): Contender {
  const appDir = join(repoRoot, 'apps', 'bench-server')
  const manifest = join(appDir, 'package.json')
  const base = { id: 'ours', label: LABELS.ours } as const
  if (!existsSync(manifest)) {
    return { ...base, unavailable: 'apps/bench-server does not exist yet' }
  }
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> }
  for (const name of OUR_SCRIPTS) {
    const script = pkg.scripts?.[name]
    if (script === undefined) continue
    const command = parseNodeScript(script)
    if (command === undefined) continue
    const flags = stripLoaderFlags(command.nodeFlags)
    return {
      ...base,
      spec: {
        command: process.execPath,
        args: [...nodeFlags(flags), join(appDir, command.entry), ...command.args],
        cwd: appDir,
      },
    }
  }
  return {
    ...base,
    unavailable: `apps/bench-server/package.json has no script of the form "node [flags] <entry>" (looked at ${OUR_SCRIPTS.join(', ')})`,
  }
}

/** Drops the flags the harness sets itself (tsx, the source condition, --expose-gc). */
function stripLoaderFlags(flags: string[]): string[] {
  const kept: string[] = []
  for (let index = 0; index < flags.length; index++) {
    const flag = flags[index]!
    if (flag === '--import' && flags[index + 1]?.startsWith('tsx')) index++
    else if (flag === '--conditions' && flags[index + 1] === 'source') index++
    else if (flag !== '--conditions=source' && flag !== '--expose-gc') kept.push(flag)
  }
  return kept
}

/** Every contender, ours resolved from the tree as it is now. */
export function allContenders(): Map<ContenderId, Contender> {
  const own = (id: Exclude<ContenderId, 'ours'>, file: string): Contender => ({
    id,
    label: LABELS[id],
    spec: ownServer(file),
  })
  return new Map<ContenderId, Contender>([
    ['ours', resolveOurs()],
    ['sdk-v1', own('sdk-v1', 'sdk-v1.ts')],
    ['sdk-v2', own('sdk-v2', 'sdk-v2.ts')],
    ['sdk-v2-stateless', own('sdk-v2-stateless', 'sdk-v2-stateless.ts')],
    ['raw-node', own('raw-node', 'raw-node.ts')],
    ['raw-hono', own('raw-hono', 'raw-hono.ts')],
  ])
}
