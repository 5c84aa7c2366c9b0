/**
 * RFC 6570 URI templates, levels 1 to 3 plus `{/var}` and `{&var}`: matching a concrete URI to a
 * template (to route `resources/read`) and expanding a template (to list resources).
 * @module
 */

interface Expression {
  operator: '' | '+' | '#' | '/' | '?' | '&' | '.' | ';'
  names: string[]
}

const OPERATORS = new Set(['+', '#', '/', '?', '&', '.', ';'])

function parseExpression(body: string): Expression {
  const first = body.charAt(0)
  const operator = (OPERATORS.has(first) ? first : '') as Expression['operator']
  const names = (operator === '' ? body : body.slice(1))
    .split(',')
    .map((name) => name.replace(/\*$|:\d+$/, '').trim())
    .filter((name) => name !== '')
  return { operator, names }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * A parsed URI template.
 *
 * @example
 * ```ts
 * const template = new UriTemplate('test://template/{id}/data')
 * template.match('test://template/123/data') // { id: '123' }
 * template.expand({ id: '7' }) // 'test://template/7/data'
 * ```
 */
export class UriTemplate {
  /** The template text. */
  readonly template: string
  /** Every variable name, in order. */
  readonly variables: readonly string[]
  readonly #parts: (string | Expression)[] = []
  readonly #pattern: RegExp
  readonly #captures: { names: string[]; operator: Expression['operator'] }[] = []

  constructor(template: string) {
    this.template = template
    let source = '^'
    let rest = template
    const variables: string[] = []
    while (rest !== '') {
      const open = rest.indexOf('{')
      if (open === -1) {
        this.#parts.push(rest)
        source += escapeRegExp(rest)
        break
      }
      const close = rest.indexOf('}', open)
      if (close === -1) throw new TypeError(`Invalid URI template (unclosed '{'): ${template}`)
      const literal = rest.slice(0, open)
      if (literal !== '') {
        this.#parts.push(literal)
        source += escapeRegExp(literal)
      }
      const expression = parseExpression(rest.slice(open + 1, close))
      this.#parts.push(expression)
      variables.push(...expression.names)
      source += this.#expressionPattern(expression)
      rest = rest.slice(close + 1)
    }
    this.variables = variables
    this.#pattern = new RegExp(`${source}$`)
  }

  #expressionPattern(expression: Expression): string {
    const { operator, names } = expression
    if (operator === '?' || operator === '&') {
      // Query parameters: captured as one string and split by name afterwards.
      this.#captures.push({ names, operator })
      return `(?:${operator === '?' ? '\\?' : '&'}([^#]*))?`
    }
    this.#captures.push({ names, operator })
    switch (operator) {
      case '+':
        return '(.*?)'
      case '#':
        return '(?:#(.*))?'
      case '/':
        return '((?:/[^/?#]*)*)'
      case '.':
        return '((?:\\.[^/?#.]*)*)'
      case ';':
        return '((?:;[^/?#;]*)*)'
      default:
        return '([^/?#]*)'
    }
  }

  /** The variables of a URI that matches the template, or `undefined` when it does not match. */
  match(uri: string): Record<string, string> | undefined {
    const found = this.#pattern.exec(uri)
    if (found === null) return undefined
    const variables: Record<string, string> = {}
    this.#captures.forEach(({ names, operator }, index) => {
      const raw = found[index + 1]
      if (raw === undefined || raw === '') return
      if (operator === '?' || operator === '&') {
        for (const pair of raw.split('&')) {
          const [key = '', value = ''] = pair.split('=', 2)
          if (names.includes(key)) variables[key] = decode(value)
        }
        return
      }
      let values = [raw]
      if (operator === '/' || operator === '.' || operator === ';')
        values = raw.slice(1).split(raw.charAt(0))
      else if (names.length > 1) values = raw.split(',')
      names.forEach((name, position) => {
        const value = values[position]
        if (value !== undefined) {
          variables[name] = decode(operator === ';' ? value.replace(/^[^=]*=/, '') : value)
        }
      })
    })
    return variables
  }

  /** Expands the template with the given values (missing variables are left out). */
  expand(values: Record<string, string | undefined>): string {
    let uri = ''
    for (const part of this.#parts) {
      if (typeof part === 'string') {
        uri += part
        continue
      }
      const present = part.names.filter((name) => values[name] !== undefined)
      if (present.length === 0) continue
      const encode = (value: string) =>
        part.operator === '+' || part.operator === '#'
          ? encodeURI(value)
          : encodeURIComponent(value)
      const pieces = present.map((name) => {
        const value = encode(values[name] ?? '')
        return part.operator === '?' || part.operator === '&' || part.operator === ';'
          ? `${name}=${value}`
          : value
      })
      switch (part.operator) {
        case '?':
          uri += `?${pieces.join('&')}`
          break
        case '&':
          uri += `&${pieces.join('&')}`
          break
        case '#':
          uri += `#${pieces.join(',')}`
          break
        case '/':
          uri += `/${pieces.join('/')}`
          break
        case '.':
          uri += `.${pieces.join('.')}`
          break
        case ';':
          uri += `;${pieces.join(';')}`
          break
        default:
          uri += pieces.join(',')
      }
    }
    return uri
  }
}
