import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node' ? [] : sources(path)
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : []
  })
}

describe('the root entry', () => {
  it('imports no node: module, so it runs on every runtime', () => {
    const offenders = sources(new URL('.', import.meta.url).pathname).filter((path) =>
      /from ['"]node:|import\(['"]node:/.test(readFileSync(path, 'utf8')),
    )
    expect(offenders).toEqual([])
  })
})
