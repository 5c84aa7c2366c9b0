/**
 * The oracle: one ajv validator per definition of a revision's official schema.
 * @module
 */
import AjvDraft07Module from 'ajv'
import Ajv2020Module from 'ajv/dist/2020.js'
import type { ErrorObject, ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { JsonValue, OfficialSchema } from './spec-schema.js'

// ajv and ajv-formats are CommonJS modules whose `default` export is the class or plugin itself.
const AjvDraft07 = AjvDraft07Module.default
const Ajv2020 = Ajv2020Module.default
const addFormats = addFormatsModule.default

/** ajv's verdict on one instance. */
export interface OracleVerdict {
  valid: boolean
  /** The first error, readable, when the instance is invalid. */
  error?: string
}

/** Validates instances against the definitions of one official schema. */
export interface Oracle {
  schema: OfficialSchema
  validate(definition: string, instance: JsonValue): OracleVerdict
}

/**
 * The most telling error: ajv lists the failures of every union branch before the `anyOf` error
 * itself, and the branch that got deepest into the instance is the one the instance was meant for.
 */
function describeErrors(errors: ErrorObject[] | null | undefined): string | undefined {
  const specific = (errors ?? []).filter((error) => !['anyOf', 'oneOf'].includes(error.keyword))
  const depth = (error: ErrorObject) => error.instancePath.split('/').length
  const error =
    specific.reduce<ErrorObject | undefined>(
      (best, next) => (best === undefined || depth(next) > depth(best) ? next : best),
      undefined,
    ) ?? errors?.[0]
  if (!error) return undefined
  return `${error.instancePath || '/'} ${error.message ?? error.keyword} (${error.schemaPath})`
}

/** How the oracle reads the official schema. */
export interface OracleOptions {
  /**
   * Check `format` (`uri`, `uri-template`, `byte`) with ajv-formats. When false, `format` is an
   * annotation only, which is what JSON Schema 2020-12 asks of a validator by default.
   * @default true
   */
  formats?: boolean
}

/**
 * Builds the oracle of a revision: draft-07 schemas go to ajv's default class, 2020-12 schemas to
 * `ajv/dist/2020.js`; both with ajv-formats so `uri`, `uri-template` and `byte` are checked.
 */
export function createOracle(schema: OfficialSchema, options: OracleOptions = {}): Oracle {
  const { formats = true } = options
  // strict: false because the spec schemas carry annotations (descriptions, `{}` property
  // schemas) that ajv's strict mode reports as errors.
  const ajvOptions = { strict: false, allErrors: false, validateFormats: formats }
  const ajv = schema.draft === '2020-12' ? new Ajv2020(ajvOptions) : new AjvDraft07(ajvOptions)
  addFormats(ajv)
  const id = `mcp-${schema.version}.json`
  ajv.addSchema(schema.document, id)
  const validators = new Map<string, ValidateFunction>()
  return {
    schema,
    validate(definition, instance) {
      let validator = validators.get(definition)
      if (!validator) {
        if (!(definition in schema.definitions)) {
          throw new Error(`${definition} is not a definition of ${schema.path}`)
        }
        validator = ajv.getSchema(`${id}${schema.refPrefix}${definition}`)
        if (!validator) throw new Error(`ajv could not compile ${definition} of ${schema.path}`)
        validators.set(definition, validator)
      }
      const valid = validator(instance)
      return valid ? { valid } : { valid, error: describeErrors(validator.errors) }
    },
  }
}
