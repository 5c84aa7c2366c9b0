/**
 * Starting, watching and always stopping the server processes. Every child gets its own process
 * group (so a server started through a wrapper goes down with its children) and an IPC channel
 * (the memory probe, and the child's way of noticing the harness is gone).
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { waitForTcp } from './ports.js'
import { isReadyLine } from './readiness.js'

/** How to start one server; `--port <P>` is appended. */
export interface ServerSpec {
  command: string
  args: string[]
  cwd: string
  env?: Record<string, string>
}

/** `process.memoryUsage()` of the server, after forced garbage collection. */
export interface MemorySnapshot {
  rss: number
  heapTotal: number
  heapUsed: number
  external: number
  arrayBuffers: number
}

/** A started server. */
export interface RunningServer {
  port: number
  /** `http://127.0.0.1:<port>` */
  origin: string
  /** Asks the server process for its memory after forced GC (the preloaded probe answers). */
  memory(): Promise<MemorySnapshot>
  /** SIGTERM to the group, SIGKILL after a grace period; resolves when the process is gone. */
  stop(): Promise<void>
  /** The last lines the server printed, for error messages. */
  recentOutput(): string
}

const live = new Set<ChildProcess>()

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      // Already gone.
    }
  }
}

/** SIGKILLs every child still running. Synchronous, so it is safe in an `exit` handler. */
export function killAllChildren(): void {
  for (const child of live) killGroup(child, 'SIGKILL')
  live.clear()
}

/** Spawns a child with the harness's conventions and registers it for clean-up. */
export function spawnChild(spec: ServerSpec, extraArgs: string[]): ChildProcess {
  const child = spawn(spec.command, [...spec.args, ...extraArgs], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true,
  })
  live.add(child)
  child.once('exit', () => live.delete(child))
  return child
}

/**
 * Starts a server on `port` and resolves once it printed a ready line and accepts connections.
 * Rejects (and kills it) when it exits first or is not ready within `timeoutMs`, with its output.
 */
export async function startServer(
  name: string,
  spec: ServerSpec,
  port: number,
  timeoutMs = 60_000,
): Promise<RunningServer> {
  const child = spawnChild(spec, ['--port', String(port)])
  const lines: string[] = []
  const remember = (line: string): void => {
    lines.push(line)
    if (lines.length > 40) lines.shift()
  }
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve()
    })
  })
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${name} was not ready on port ${port} within ${timeoutMs / 1000} s`))
    }, timeoutMs)
    const onLine = (line: string): void => {
      remember(line)
      if (isReadyLine(line, port)) {
        clearTimeout(timer)
        resolve()
      }
    }
    createInterface({ input: child.stdout! }).on('line', onLine)
    createInterface({ input: child.stderr! }).on('line', onLine)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited (${signal ?? `code ${code}`}) before it was ready`))
    })
  })
  const recentOutput = (): string => lines.join('\n')
  try {
    await ready
    await waitForTcp(port, 5000)
  } catch (error) {
    killGroup(child, 'SIGKILL')
    const output = recentOutput()
    throw new Error(`${(error as Error).message}${output ? `\n${output}` : ''}`)
  }

  let nextQuestion = 0
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    recentOutput,
    memory: () => askMemory(child, name, nextQuestion++),
    stop: async () => {
      killGroup(child, 'SIGTERM')
      const timer = setTimeout(() => {
        killGroup(child, 'SIGKILL')
      }, 3000)
      await exited
      clearTimeout(timer)
    },
  }
}

function askMemory(child: ChildProcess, name: string, id: number): Promise<MemorySnapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage)
      reject(new Error(`${name} did not answer the memory probe within 60 s`))
    }, 60_000)
    const onMessage = (message: { type?: string; id?: number; usage?: MemorySnapshot }): void => {
      if (message.type !== 'memory' || message.id !== id || message.usage === undefined) return
      clearTimeout(timer)
      child.off('message', onMessage)
      resolve(message.usage)
    }
    child.on('message', onMessage)
    if (!child.connected) {
      clearTimeout(timer)
      reject(new Error(`${name} has no IPC channel for the memory probe`))
      return
    }
    child.send({ type: 'memory', id })
  })
}
