import { describe, expect, it } from 'vitest'
import { isReadyLine, parseNodeScript } from './readiness.js'

describe('isReadyLine', () => {
  it('accepts a line that names the address and port', () => {
    expect(isReadyLine('ready http://127.0.0.1:41234', 41234)).toBe(true)
    expect(isReadyLine('mcp-sse bench server on http://localhost:5000/mcp', 5000)).toBe(true)
    expect(isReadyLine('Listening on port 5000', 5000)).toBe(true)
  })

  it('accepts a bare ready or listening message', () => {
    expect(isReadyLine('Server ready', 5000)).toBe(true)
    expect(isReadyLine('listening', 5000)).toBe(true)
  })

  it('rejects lines about another port or about failure', () => {
    expect(isReadyLine('listening on http://127.0.0.1:9999', 5000)).toBe(false)
    expect(isReadyLine('not ready: port 5000 in use', 5001)).toBe(false)
    expect(isReadyLine('Error: listen failed', 5000)).toBe(false)
  })

  it('does not mistake a longer port number for the one asked for', () => {
    expect(isReadyLine('http://127.0.0.1:50001', 5000)).toBe(false)
  })

  it('ignores unrelated output', () => {
    expect(isReadyLine('compiling src/main.ts', 5000)).toBe(false)
    expect(isReadyLine('', 5000)).toBe(false)
  })
})

describe('parseNodeScript', () => {
  it('splits node flags, entry file and arguments', () => {
    expect(parseNodeScript('node --conditions=source --import tsx src/main.ts --')).toEqual({
      nodeFlags: ['--conditions=source', '--import', 'tsx'],
      entry: 'src/main.ts',
      args: [],
    })
  })

  it('keeps the value of flags that take one as a separate token', () => {
    expect(parseNodeScript('node --conditions source src/server.js --host 127.0.0.1')).toEqual({
      nodeFlags: ['--conditions', 'source'],
      entry: 'src/server.js',
      args: ['--host', '127.0.0.1'],
    })
  })

  it('turns tsx into node with the tsx loader', () => {
    expect(parseNodeScript('tsx src/main.ts')).toEqual({
      nodeFlags: ['--import', 'tsx'],
      entry: 'src/main.ts',
      args: [],
    })
  })

  it('refuses shell syntax, other runners and scripts without an entry file', () => {
    expect(parseNodeScript('node src/a.ts && node src/b.ts')).toBeUndefined()
    expect(parseNodeScript('pnpm --filter x start')).toBeUndefined()
    expect(parseNodeScript('node --version')).toBeUndefined()
  })
})
