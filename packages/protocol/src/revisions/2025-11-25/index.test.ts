import { describe, expect, it } from 'vitest'
import { officialSchema } from './__fixtures__/spec.js'
import * as trunk from './index.js'

describe('the 2025-11-25 namespace', () => {
  const definitions = Object.keys(officialSchema().$defs)

  it('has a schema for every definition of the official schema.json', () => {
    const missing = definitions.filter((name) => !(`${name}Schema` in trunk))
    expect(missing).toEqual([])
    expect(definitions).toHaveLength(145)
  })

  it('exports nothing the official schema.json does not define', () => {
    const extra = Object.keys(trunk).filter(
      (name) => !definitions.includes(name.replace(/Schema$/, '')),
    )
    expect(extra).toEqual([])
  })
})
