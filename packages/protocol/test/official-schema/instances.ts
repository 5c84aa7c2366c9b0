/**
 * The bounded set of instances the oracle test feeds to ajv and to our zod schema for one
 * definition: valid minimal and maximal instances (one per union branch), their mutations and
 * seeded random variations.
 * @module
 */
import { generateVariants, type Variant } from './generate-valid.js'
import { applyMutation, mutations, type LabelledInstance, type Mutation } from './mutate.js'
import { randomInstances } from './random-instances.js'
import type { OfficialSchema } from './spec-schema.js'

/** How many instances of each kind a definition gets. */
export interface InstanceBudget {
  /** Mutations of the plain minimal and maximal instances. @default 160 */
  primaryMutations?: number
  /** Mutations of the other (union branch) instances. @default 80 */
  branchMutations?: number
  /** Seeded fast-check variations. @default 16 */
  random?: number
}

/** Union-branch instances per mode whose mutations are considered. */
const BRANCHES_MUTATED = 12

/** Keeps `limit` items spread evenly over the list, so every part of it is represented. */
export function spread<T>(items: T[], limit: number): T[] {
  if (items.length <= limit) return items
  const step = items.length / limit
  return Array.from({ length: limit }, (_, index) => items[Math.floor(index * step)]!)
}

function labelled(mode: string, variant: Variant): LabelledInstance {
  return { label: `valid ${mode}${notesOf(variant)}`, value: variant.value }
}

function notesOf(variant: Variant): string {
  return variant.notes.length > 0 ? ` (${variant.notes.join(', ')})` : ''
}

function mutatedInstance(mode: string, variant: Variant, mutation: Mutation): LabelledInstance {
  const { label, value } = applyMutation(variant.value, mutation)
  return { label: `${mode}, ${label}${notesOf(variant)}`, value }
}

/** Every instance to compare for definition `name`, duplicates removed. */
export function instancesFor(
  schema: OfficialSchema,
  name: string,
  budget: InstanceBudget = {},
): LabelledInstance[] {
  const { primaryMutations = 160, branchMutations = 80, random = 16 } = budget
  const minimal = generateVariants(schema, name, 'minimal')
  const maximal = generateVariants(schema, name, 'maximal')
  const valid = [
    ...minimal.map((variant) => labelled('minimal', variant)),
    ...maximal.map((variant) => labelled('maximal', variant)),
  ]
  const mutate = (mode: string, variant: Variant) =>
    mutations(schema, variant).map((mutation) => ({ mode, variant, mutation }))
  const primary = [...mutate('minimal', minimal[0]!), ...mutate('maximal', maximal[0]!)]
  const branches = [
    ...spread(minimal.slice(1), BRANCHES_MUTATED).flatMap((variant) => mutate('minimal', variant)),
    ...spread(maximal.slice(1), BRANCHES_MUTATED).flatMap((variant) => mutate('maximal', variant)),
  ]
  const mutated = [...spread(primary, primaryMutations), ...spread(branches, branchMutations)].map(
    ({ mode, variant, mutation }) => mutatedInstance(mode, variant, mutation),
  )
  const randoms = randomInstances(schema, name, random).map((value, index) => ({
    label: `random #${index}`,
    value,
  }))
  const seen = new Set<string>()
  return [...valid, ...mutated, ...randoms].filter(({ value }) => {
    const key = JSON.stringify(value)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
