/**
 * The command line of `pnpm bench`.
 * @module
 */
import { join } from 'node:path'
import { CONTENDER_IDS, type ContenderId } from '../contenders.js'

/** The scenarios, numbered as in bench/README.md and the issues. */
export const SCENARIOS = [
  'stateful',
  'sse',
  'latency',
  'memory',
  'broadcast',
  'stateless',
  'client',
] as const
/** One scenario. */
export type ScenarioId = (typeof SCENARIOS)[number]

/** Parsed options. Durations in milliseconds. */
export interface Options {
  quick: boolean
  help: boolean
  scenarios: ScenarioId[]
  contenders: ContenderId[]
  warmupMs: number
  durationMs: number
  /** Sessions (and calls in flight) for scenarios 1, 2 and 6. */
  concurrency: number
  /** Calls per second for scenario 3. */
  rate: number
  /** Idle sessions with an open stream for scenarios 4 and 5. */
  sessions: number
  /** Broadcast rounds in scenario 5 (the median is reported). */
  broadcasts: number
  /**
   * Rounds of scenarios 1, 2, 3 and 6: every contender is measured once per round, in turn, and
   * the median round is reported (a noisy machine shifts all contenders alike).
   */
  repeat: number
  /** Where the JSON results go. */
  out: string
}

/** The help text. */
export const USAGE = `pnpm bench [options]      (from the repository root; or pnpm --filter @mcp-sse/bench bench)

  --quick               smoke run of about a minute: 0.3 s warm-up, 1.5 s per measurement,
                        1,000 idle sessions, one broadcast round
  --scenarios <list>    comma-separated numbers or names (default: all)
                          1 stateful   2 sse   3 latency   4 memory   5 broadcast
                          6 stateless  7 client
  --contenders <list>   comma-separated (default: all)
                          ${CONTENDER_IDS.join(', ')}
  --duration <s>        seconds per measurement (default 5; quick 1.5)
  --warmup <s>          seconds of warm-up before each measurement (default 2; quick 0.3)
  --concurrency <n>     sessions in scenarios 1, 2, 6 and 7 (default 32)
  --rate <n>            calls per second in scenario 3 (default 1000)
  --sessions <n>        idle sessions in scenarios 4 and 5 (default 10000; quick 1000)
  --broadcasts <n>      broadcast rounds in scenario 5 (default 3; quick 1)
  --repeat <n>          rounds of scenarios 1, 2, 3 and 6, contenders interleaved; the
                        median round is reported (default 1)
  --out <file>          JSON results (default bench/results/latest.json)
  --help                this text`

function positive(name: string, text: string | undefined, integer: boolean): number {
  const value = Number(text)
  if (
    text === undefined ||
    !Number.isFinite(value) ||
    value <= 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw new Error(
      `${name} needs a positive ${integer ? 'integer' : 'number'}, got ${text ?? 'nothing'}`,
    )
  }
  return value
}

function list<T extends string>(name: string, text: string | undefined, known: readonly T[]): T[] {
  if (text === undefined || text === '') throw new Error(`${name} needs a comma-separated list`)
  const picked = new Set<T>()
  for (const item of text.split(',').map((part) => part.trim().toLowerCase())) {
    const byNumber = /^\d+$/.test(item) ? known[Number(item) - 1] : undefined
    const found = byNumber ?? known.find((candidate) => candidate === item)
    if (found === undefined) {
      throw new Error(`${name}: unknown "${item}" (known: ${known.join(', ')})`)
    }
    picked.add(found)
  }
  // Keep the canonical order whatever order the user typed.
  return known.filter((candidate) => picked.has(candidate))
}

/** Parses `argv` (without node and the script). Throws an Error that says what was wrong. */
export function parseOptions(argv: string[], benchRoot: string): Options {
  const given = new Map<string, string | undefined>()
  const flags = new Set(['--quick', '--help', '-h'])
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!
    if (arg === '--') continue
    const [name, inline] = arg.split('=', 2) as [string, string | undefined]
    if (flags.has(name)) {
      given.set(name === '-h' ? '--help' : name, undefined)
    } else if (name.startsWith('--')) {
      given.set(name, inline ?? argv[++index])
    } else {
      throw new Error(`Unexpected argument "${arg}"; see --help`)
    }
  }
  const quick = given.has('--quick')
  const options: Options = {
    quick,
    help: given.has('--help'),
    scenarios: [...SCENARIOS],
    contenders: [...CONTENDER_IDS],
    warmupMs: quick ? 300 : 2000,
    durationMs: quick ? 1500 : 5000,
    concurrency: 32,
    rate: 1000,
    sessions: quick ? 1000 : 10_000,
    broadcasts: quick ? 1 : 3,
    repeat: 1,
    out: join(benchRoot, 'results', 'latest.json'),
  }
  for (const [name, value] of given) {
    switch (name) {
      case '--quick':
      case '--help':
        break
      case '--scenarios':
        options.scenarios = list(name, value, SCENARIOS)
        break
      case '--contenders':
        options.contenders = list(name, value, CONTENDER_IDS)
        break
      case '--duration':
        options.durationMs = positive(name, value, false) * 1000
        break
      case '--warmup':
        options.warmupMs = Number(value) === 0 ? 0 : positive(name, value, false) * 1000
        break
      case '--concurrency':
        options.concurrency = positive(name, value, true)
        break
      case '--rate':
        options.rate = positive(name, value, true)
        break
      case '--sessions':
        options.sessions = positive(name, value, true)
        break
      case '--broadcasts':
        options.broadcasts = positive(name, value, true)
        break
      case '--repeat':
        options.repeat = positive(name, value, true)
        break
      case '--out':
        if (value === undefined) throw new Error('--out needs a file name')
        options.out = value
        break
      default:
        throw new Error(`Unknown option ${name}; see --help`)
    }
  }
  return options
}
