/**
 * SEP-986 tool names.
 *
 * Every naming rule in the spec is a SHOULD, so a name that breaks one is still a working name:
 * a server registers it and warns. Only a name that is not a string at all breaks the schema
 * (`Tool.name` is a required string) and is an error.
 *
 * @see https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool-names
 * @module
 */

/** The longest tool name the spec recommends, in characters. */
export const TOOL_NAME_MAX_LENGTH = 128

/**
 * The outcome of {@link validateToolName}.
 */
export interface ToolNameValidation {
  /** Whether the name follows every SEP-986 rule. */
  valid: boolean
  /**
   * How bad the problems are: `'error'` when the name breaks the schema (it is not a string),
   * `'warning'` when it breaks only SHOULD rules (register it, but tell the developer), and
   * `undefined` when the name is valid.
   */
  severity: 'error' | 'warning' | undefined
  /** One sentence per broken rule, empty when the name is valid. */
  problems: string[]
}

const ALLOWED = /^[A-Za-z0-9_.-]*$/
const NOT_ALLOWED = /[^A-Za-z0-9_.-]/gu

function describe(character: string): string {
  if (character === ' ') return 'space'
  if (character === ',') return 'comma'
  const code = character.codePointAt(0) ?? 0
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  // Control and other invisible characters would be unreadable inside quotes.
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character) ? `"${character}" (${hex})` : hex
}

/**
 * Checks a tool name against the SEP-986 rules of the spec: 1 to 128 characters, only ASCII
 * letters, digits, underscore (`_`), hyphen (`-`) and dot (`.`), so no spaces, commas or other
 * special characters. Names are case-sensitive, so `getUser` and `GetUser` are different, valid
 * names; nothing here changes case. Uniqueness within a server is the server's check.
 *
 * Never throws: any value may be passed.
 *
 * @example
 * ```ts
 * validateToolName('admin.tools.list') // { valid: true, severity: undefined, problems: [] }
 * validateToolName('get user')
 * // { valid: false, severity: 'warning', problems: ['Tool name "get user" contains a character outside A-Z, a-z, 0-9, _, - and .: space'] }
 * ```
 * @see https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool-names
 */
export function validateToolName(name: unknown): ToolNameValidation {
  if (typeof name !== 'string') {
    return {
      valid: false,
      severity: 'error',
      problems: [`Tool name must be a string, got ${name === null ? 'null' : typeof name}`],
    }
  }
  const problems: string[] = []
  // Characters, not UTF-16 code units, so an emoji counts once.
  const characters = Array.from(name)
  const length = characters.length
  if (length === 0) problems.push('Tool name is empty; it should be 1 to 128 characters long')
  if (length > TOOL_NAME_MAX_LENGTH) {
    problems.push(
      `Tool name is ${String(length)} characters long; it should be at most ${String(TOOL_NAME_MAX_LENGTH)}`,
    )
  }
  if (!ALLOWED.test(name)) {
    const found = [...new Set(name.match(NOT_ALLOWED))].map(describe)
    const shown = length > 40 ? `${characters.slice(0, 40).join('')}…` : name
    problems.push(
      `Tool name ${JSON.stringify(shown)} contains ${found.length === 1 ? 'a character' : 'characters'} outside A-Z, a-z, 0-9, _, - and .: ${found.join(', ')}`,
    )
  }
  return problems.length === 0
    ? { valid: true, severity: undefined, problems }
    : { valid: false, severity: 'warning', problems }
}
