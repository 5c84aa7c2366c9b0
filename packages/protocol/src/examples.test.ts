import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const packageRoot = fileURLToPath(new URL('..', import.meta.url))

/** Runs an example as a user would, resolving `@mcp-sse/protocol` to this package's source. */
async function run(example: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', `examples/${example}`],
    { cwd: packageRoot },
  )
  return stdout
}

describe('the examples', () => {
  it('quick-start.ts validates a message and calls a tool over linked peers', async () => {
    expect((await run('quick-start.ts')).split('\n')).toEqual([
      'valid tools/call request',
      '{"content":[{"type":"text","text":"Hello from greet"}]}',
      '',
    ])
  }, 30_000)

  it('quick-start.ts is the code the README opens with', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const block = /## Quick start[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1]
    const example = readFileSync(new URL('../examples/quick-start.ts', import.meta.url), 'utf8')
    expect(block).toBe(example.replace(/^\/\*\*[\s\S]*?\*\/\n/, ''))
  })

  it('linked-peers.ts reports progress, a schema failure and a handler error', async () => {
    const output = await run('linked-peers.ts')
    expect(output).toContain('progress 3/3: counted to 3')
    expect(output).toContain('Result: {"content":[{"type":"text","text":"Counted to 3."}]}')
    expect(output).toContain('rejected with McpError -32602: Invalid params for tools/call: name:')
    expect(output).toContain('rejected with McpError -32602: Unknown tool: dance')
    expect(output).toMatch(/Done\.\n$/)
  }, 30_000)
})
