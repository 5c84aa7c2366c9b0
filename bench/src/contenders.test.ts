import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { allContenders, resolveOurs } from './contenders.js'

describe('resolveOurs', () => {
  const roots: string[] = []
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
  })

  function repoWith(scripts?: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'bench-contenders-'))
    roots.push(root)
    if (scripts !== undefined) {
      mkdirSync(join(root, 'apps', 'bench-server'), { recursive: true })
      writeFileSync(join(root, 'apps', 'bench-server', 'package.json'), JSON.stringify({ scripts }))
    }
    return root
  }

  it('says ours is not available while apps/bench-server does not exist', () => {
    const ours = resolveOurs(repoWith())
    expect(ours.spec).toBeUndefined()
    expect(ours.unavailable).toBe('apps/bench-server does not exist yet')
  })

  it('starts the app directly with node, its entry and flags, plus the harness flags', () => {
    const root = repoWith({
      start: 'node --conditions=source --import tsx --no-warnings src/main.ts',
    })
    const { spec } = resolveOurs(root)
    expect(spec?.command).toBe(process.execPath)
    expect(spec?.cwd).toBe(join(root, 'apps', 'bench-server'))
    expect(spec?.args.at(-1)).toBe(join(root, 'apps', 'bench-server', 'src', 'main.ts'))
    expect(spec?.args).toContain('--expose-gc')
    expect(spec?.args).toContain('--no-warnings')
    // tsx and the source condition come from the harness, once each.
    expect(spec?.args.filter((arg) => arg === '--conditions=source')).toHaveLength(1)
    expect(spec?.args.filter((arg) => arg === 'tsx')).toHaveLength(0)
  })

  it('prefers a bench:server script over start', () => {
    const root = repoWith({ start: 'node src/other.ts', 'bench:server': 'tsx src/main.ts' })
    expect(resolveOurs(root).spec?.args.at(-1)).toMatch(/src[/\\]main\.ts$/)
  })

  it('explains a script it cannot run directly', () => {
    const ours = resolveOurs(repoWith({ start: 'pnpm --filter x start' }))
    expect(ours.spec).toBeUndefined()
    expect(ours.unavailable).toContain('no script of the form "node [flags] <entry>"')
  })
})

describe('allContenders', () => {
  it('starts every reference server from the bench package with the memory probe', () => {
    const contenders = allContenders()
    for (const id of ['sdk-v1', 'sdk-v2', 'sdk-v2-stateless', 'raw-node', 'raw-hono'] as const) {
      const spec = contenders.get(id)?.spec
      expect(spec?.args.some((arg) => arg.endsWith('probe.ts'))).toBe(true)
      expect(spec?.args.at(-1)).toMatch(new RegExp(`servers[/\\\\]${id}\\.ts$`))
    }
  })
})
