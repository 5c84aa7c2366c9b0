/**
 * The C stream sink (`bench/native/sse-sink.c`) as the harness drives it: compiled on first use,
 * fed the exact request bytes this file builds, answering one JSON line per command. It holds the
 * idle streams of scenarios 4 and 5 and times a broadcast by the kernel's receive timestamps
 * (`SO_TIMESTAMPNS`), so an arrival is when the bytes reached the stream's socket, not when a
 * load generator got round to reading them.
 * @module
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { HOST } from '../process/ports.js'

/** The sink's source. */
export const SINK_SOURCE = fileURLToPath(new URL('../../native/sse-sink.c', import.meta.url))
/** Where the compiled sink goes (git-ignored). */
export const SINK_BINARY = join(dirname(SINK_SOURCE), 'build', 'sse-sink')
/** The longest token the sink looks for. */
export const MAX_TOKEN_BYTES = 200

/** The sink ready to run, or why there is none. */
export type SinkBuild = { ok: true; path: string } | { ok: false; reason: string }

/**
 * Compiles the sink with `cc -O2` (or `$CC`) unless an up-to-date binary exists. Never throws:
 * without a compiler, or off Linux, it says why, and the harness reads the streams in JS instead.
 */
export function buildSink(
  options: { compiler?: string; source?: string; output?: string } = {},
): SinkBuild {
  if (process.platform !== 'linux') {
    return { ok: false, reason: 'the C sink uses epoll and SO_TIMESTAMPNS: Linux only' }
  }
  const source = options.source ?? SINK_SOURCE
  const output = options.output ?? SINK_BINARY
  const compiler = options.compiler ?? process.env.CC ?? 'cc'
  if (existsSync(output) && statSync(output).mtimeMs >= statSync(source).mtimeMs) {
    return { ok: true, path: output }
  }
  mkdirSync(dirname(output), { recursive: true })
  // Another harness may be compiling too: build aside, then rename (atomic).
  const temporary = `${output}.${process.pid}.tmp`
  try {
    execFileSync(compiler, ['-O2', '-Wall', '-o', temporary, source], { stdio: 'pipe' })
    renameSync(temporary, output)
    return { ok: true, path: output }
  } catch (error) {
    rmSync(temporary, { force: true })
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer }
    if (failure.code === 'ENOENT') {
      return { ok: false, reason: `no C compiler (\`${compiler}\`) on this machine` }
    }
    const detail = failure.stderr?.toString().trim().split('\n').slice(0, 3).join(' | ')
    return {
      ok: false,
      reason: `\`${compiler}\` could not compile the sink: ${detail ?? failure.message}`,
    }
  }
}

/**
 * The bytes of one HTTP/1.1 request to the server on `port`: request line, `Host`, the given
 * headers, `Content-Length` when there is a body, and the body.
 */
export function httpRequestText(
  method: string,
  path: string,
  port: number,
  headers: Record<string, string>,
  body?: string,
): string {
  const lines = [`${method} ${path} HTTP/1.1`, `Host: ${HOST}:${port}`]
  for (const [name, value] of Object.entries(headers)) {
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) {
      throw new Error(`header ${JSON.stringify(name)} contains a line break`)
    }
    lines.push(`${name}: ${value}`)
  }
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`)
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`
}

/** `stream`: queue one stream with its GET request. */
export function streamCommand(request: string): Buffer {
  const bytes = Buffer.from(request)
  return Buffer.concat([Buffer.from(`stream ${bytes.length}\n`), bytes])
}

/** `open`: connect every queued stream and wait for its response headers. */
export function openCommand(timeoutMs: number): Buffer {
  return Buffer.from(`open ${Math.ceil(timeoutMs)}\n`)
}

/** `round`: send `post`, then time `token` on every open stream. */
export function roundCommand(timeoutMs: number, token: string, post: string): Buffer {
  const tokenBytes = Buffer.from(token)
  if (tokenBytes.length === 0 || tokenBytes.length > MAX_TOKEN_BYTES || /[\r\n]/.test(token)) {
    throw new Error(`a token must be 1 to ${MAX_TOKEN_BYTES} bytes on one line`)
  }
  const postBytes = Buffer.from(post)
  return Buffer.concat([
    Buffer.from(`round ${Math.ceil(timeoutMs)} ${tokenBytes.length} ${postBytes.length}\n`),
    tokenBytes,
    postBytes,
  ])
}

/** The answer to `open`. */
export interface SinkOpened {
  type: 'opened'
  /** Streams this command opened. */
  opened: number
  /** Streams this command could not open. */
  failed: number
  /** Streams open now, in all. */
  streams: number
  /** The first failure, if any. */
  error?: string
}

/** The answer to `round`; times in ms after the POST was written. */
export interface SinkRound {
  type: 'round'
  /** Streams open when the round started. */
  streams: number
  /** Streams that received the token. */
  delivered: number
  /** Streams that closed during the round. */
  closed: number
  first?: number
  /** Nearest-rank median arrival. */
  p50?: number
  last?: number
  /** Whether the POST's answer arrived complete. */
  answered: boolean
  /** When the last byte of the POST's answer was received. */
  call?: number
  status?: number
  contentType?: string
  /** The answer's body, chunked framing removed. */
  body?: string
  /** Reads that came without a kernel timestamp (then the read time was taken); 0 normally. */
  fallbackTimestamps: number
}

/** Parses one line the sink wrote; throws on an `error` line or anything unexpected. */
export function parseSinkLine(line: string): SinkOpened | SinkRound {
  let parsed: unknown
  try {
    parsed = JSON.parse(line)
  } catch {
    throw new Error(`the sink wrote something other than JSON: ${line.slice(0, 200)}`)
  }
  const reply = parsed as Record<string, unknown>
  const numbers = (...keys: string[]) => keys.every((key) => typeof reply[key] === 'number')
  if (reply.type === 'error') throw new Error(`the sink failed: ${String(reply.message)}`)
  if (reply.type === 'opened' && numbers('opened', 'failed', 'streams')) {
    return reply as unknown as SinkOpened
  }
  if (
    reply.type === 'round' &&
    numbers('streams', 'delivered', 'closed', 'fallbackTimestamps') &&
    typeof reply.answered === 'boolean'
  ) {
    return reply as unknown as SinkRound
  }
  throw new Error(`unexpected line from the sink: ${line.slice(0, 200)}`)
}

/** A running sink, connected to one server. */
export class NativeSink {
  readonly #child: ChildProcess
  readonly #waiting: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = []
  #stderr = ''
  #gone: Error | undefined

  constructor(binary: string, port: number) {
    this.#child = spawn(binary, [HOST, String(port)], { stdio: ['pipe', 'pipe', 'pipe'] })
    createInterface({ input: this.#child.stdout! }).on('line', (line) => {
      this.#waiting.shift()?.resolve(line)
    })
    this.#child.stderr!.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-2000)
    })
    // A dead sink shows as a failed command, not as an unhandled EPIPE.
    this.#child.stdin!.on('error', () => undefined)
    const gone = (why: string) => {
      this.#gone ??= new Error(`the sink ${why}${this.#stderr === '' ? '' : `: ${this.#stderr}`}`)
      for (const waiter of this.#waiting.splice(0)) waiter.reject(this.#gone)
    }
    this.#child.once('error', (error) => {
      gone(`could not start (${error.message})`)
    })
    this.#child.once('exit', (code, signal) => {
      gone(`exited (${String(signal ?? code)})`)
    })
  }

  /** Queues one stream; it connects at the next {@link NativeSink.open}. */
  addStream(request: string): void {
    this.#child.stdin!.write(streamCommand(request))
  }

  /** Opens the queued streams; resolves once each has its 2xx headers or failed. */
  async open(timeoutMs: number): Promise<SinkOpened> {
    const reply = parseSinkLine(await this.#command(openCommand(timeoutMs)))
    if (reply.type !== 'opened') throw new Error('the sink answered open with a round')
    return reply
  }

  /** One broadcast round. */
  async round(token: string, post: string, timeoutMs: number): Promise<SinkRound> {
    const reply = parseSinkLine(await this.#command(roundCommand(timeoutMs, token, post)))
    if (reply.type !== 'round') throw new Error('the sink answered a round with open')
    return reply
  }

  /** Closes every stream and ends the process. */
  close(): void {
    this.#child.stdin!.end('quit\n')
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 2000)
    timer.unref()
  }

  #command(bytes: Buffer): Promise<string> {
    if (this.#gone !== undefined) return Promise.reject(this.#gone)
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject })
      this.#child.stdin!.write(bytes)
    })
  }
}
