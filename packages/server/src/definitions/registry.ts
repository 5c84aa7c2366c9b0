/**
 * A named collection of definitions that tells the server when it changes.
 * @module
 */

/**
 * What `server.tool()`, `server.resource()`, `server.resourceTemplate()` and `server.prompt()`
 * return: the definition's handle, to change or remove it while the server runs. Every change
 * sends the matching `list_changed` notification.
 */
export interface DefinitionHandle<Config> {
  /** The definition's key: a tool or prompt name, a resource URI or a URI template. */
  readonly name: string
  /** Whether clients see and can use the definition. */
  readonly enabled: boolean
  /** Changes the definition's configuration (merged into the current one). */
  update(patch: Partial<Config>): void
  /** Hides the definition from clients until {@link DefinitionHandle.enable}. */
  disable(): void
  /** Shows a disabled definition again. */
  enable(): void
  /** Removes the definition for good. */
  remove(): void
}

interface Entry<Definition> {
  definition: Definition
  enabled: boolean
}

/**
 * Definitions by key, in registration order, with a cached list of the enabled ones (the hot
 * path of every list request).
 */
export class Registry<Definition> {
  readonly #entries = new Map<string, Entry<Definition>>()
  readonly #kind: string
  readonly #onChange: () => void
  #enabled: Definition[] | undefined

  /**
   * @param kind - what the definitions are, for error messages (`'tool'`).
   * @param onChange - called after every change.
   */
  constructor(kind: string, onChange: () => void) {
    this.#kind = kind
    this.#onChange = onChange
  }

  /** How many definitions are registered, enabled or not. */
  get size(): number {
    return this.#entries.size
  }

  /** The enabled definition with this key. */
  get(key: string): Definition | undefined {
    const entry = this.#entries.get(key)
    return entry?.enabled === true ? entry.definition : undefined
  }

  /** Every enabled definition, in registration order (cached until the next change). */
  list(): readonly Definition[] {
    this.#enabled ??= [...this.#entries.values()]
      .filter((entry) => entry.enabled)
      .map((entry) => entry.definition)
    return this.#enabled
  }

  /**
   * Registers a definition and returns its handle.
   * @param rebuild - makes the new definition from the current one and a patch.
   * @throws TypeError when the key is taken.
   */
  add<Config>(
    key: string,
    definition: Definition,
    rebuild: (current: Definition, patch: Partial<Config>) => Definition,
  ): DefinitionHandle<Config> {
    if (this.#entries.has(key)) {
      throw new TypeError(`A ${this.#kind} named '${key}' is already registered`)
    }
    const entry: Entry<Definition> = { definition, enabled: true }
    this.#entries.set(key, entry)
    this.#changed()
    const live = () => this.#entries.get(key) === entry
    const changed = () => {
      this.#changed()
    }
    const kind = this.#kind
    return {
      name: key,
      get enabled() {
        return live() && entry.enabled
      },
      update: (patch) => {
        if (!live()) throw new TypeError(`The ${kind} '${key}' was removed`)
        entry.definition = rebuild(entry.definition, patch)
        changed()
      },
      disable: () => {
        if (!live() || !entry.enabled) return
        entry.enabled = false
        changed()
      },
      enable: () => {
        if (!live() || entry.enabled) return
        entry.enabled = true
        changed()
      },
      remove: () => {
        if (!live()) return
        this.#entries.delete(key)
        changed()
      },
    }
  }

  #changed(): void {
    this.#enabled = undefined
    this.#onChange()
  }
}
