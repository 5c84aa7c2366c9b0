/**
 * RFC 5424 severities, as MCP orders them.
 * @module
 */
const SEVERITY: Readonly<Record<string, number>> = {
  debug: 0,
  info: 1,
  notice: 2,
  warning: 3,
  error: 4,
  critical: 5,
  alert: 6,
  emergency: 7,
}

/** Whether a message at `level` passes a session whose threshold is `threshold`. */
export function passesLevel(level: string, threshold: string | undefined): boolean {
  if (threshold === undefined) return true
  return (SEVERITY[level] ?? 0) >= (SEVERITY[threshold] ?? 0)
}
