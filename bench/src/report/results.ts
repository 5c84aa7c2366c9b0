/**
 * The shape of one scenario's results: what `main` prints and writes to `results/latest.json`.
 * @module
 */
import type { Unit } from './format.js'

/** One measured quantity of a scenario. */
export interface Metric {
  key: string
  label: string
  unit: Unit
  /** Which way is better; ratios are always `row / baseline`. */
  better: 'higher' | 'lower'
}

/** One contender (or client) in a scenario. */
export interface ResultRow {
  id: string
  label: string
  status: 'ok' | 'unavailable' | 'failed'
  /** Why a row is unavailable or failed, or a remark on how it was measured. */
  note?: string
  values: Record<string, number>
  /**
   * With `--repeat`: the rate of each round, in round order, so that a row can be compared with
   * a baseline measured in the same round.
   */
  rounds?: number[]
}

/** A row the ratio columns divide by. */
export interface Baseline {
  /** Column title, e.g. `SDK 1.x`. */
  label: string
  row: string
}

/** A goal from the issues, checked against the figures. */
export interface Target {
  /** As the issue says it, e.g. `≥ 4x SDK 1.x`. */
  text: string
  row: string
  metric: string
  /** Compare `row / baseline` when set, else the absolute value. */
  baseline?: string
  atLeast?: number
  atMost?: number
}

/** The verdict on one target. */
export interface TargetVerdict {
  target: Target
  status: 'met' | 'missed' | 'not measured'
  /** The compared figure: a ratio, or the absolute value. */
  actual?: number
}

/** Everything one scenario measured. */
export interface ScenarioResult {
  id: string
  number: number
  title: string
  /** One paragraph: load shape and what the figure is. */
  method: string
  metrics: Metric[]
  /** Metrics that get ratio columns (one column per metric and baseline). */
  ratioMetrics: string[]
  baselines: Baseline[]
  rows: ResultRow[]
  targets: Target[]
  notes: string[]
}

/** The whole run as written to JSON. */
export interface RunResult {
  startedAt: string
  finishedAt: string
  machine: {
    node: string
    platform: string
    cpus: number
    cpuModel: string
    memoryGiB: number
    /** One-minute load average when the run started. */
    loadAverage: number
  }
  options: Record<string, unknown>
  scenarios: ScenarioResult[]
  verdicts: Array<{ scenario: string } & TargetVerdict>
}
