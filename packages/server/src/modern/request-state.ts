/**
 * The signed `requestState` of 2026-07-28 multi round-trip requests: what a retry needs to
 * resume a handler, carried by the client instead of kept by the server, so that any instance
 * holding the key can verify it.
 *
 * Format: `v1.<payload>.<signature>`, both base64url; the signature is HMAC-SHA-256 (Web Crypto)
 * over `v1.<payload>`. The payload is JSON, readable by anyone who holds the token (it is
 * signed, not encrypted): never put secrets in the answers a handler asks for.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr#server-requirements-basic-workflow
 * @module
 */
import { ErrorCode, McpError } from '@mcp-sse/protocol'
import type { MaybePromise } from '../state/types.js'
import { canonicalJson, fromBase64Url, toBase64Url, utf8 } from './encoding.js'

/** Options of {@link RequestStateCodec}. */
export interface RequestStateOptions {
  /**
   * HMAC-SHA-256 secrets, each at least 32 bytes. The first signs; every one verifies, so a key
   * is rotated by putting the new one first and dropping the old one after `ttlMs`. Every
   * instance of a horizontally scaled server needs the same keys.
   * @default one random key made when the server starts (fine for a single instance)
   */
  keys?: readonly (string | Uint8Array)[]
  /**
   * How long a client has to answer and retry, in milliseconds.
   * @default 600_000 (10 minutes: a person may have to answer an elicitation)
   */
  ttlMs?: number
  /**
   * Bound into every state (a server name, say), so two servers that share a key cannot replay
   * each other's states.
   * @default ''
   */
  audience?: string
  /**
   * Called with the state's unique id after every other check passed; return `false` if it was
   * already used. Only needed where a state must be consumed at most once (a one-time
   * redemption): the signature, expiry and binding already stop reuse across users and requests.
   */
  consume?: (id: string, expiresAt: number) => MaybePromise<boolean>
  /** The clock, in milliseconds since the epoch. @default Date.now */
  now?: () => number
}

/** What a state is bound to: the request it was issued for and who sent it. */
export interface RequestStateBinding {
  /** The JSON-RPC method of the original request. */
  method: string
  /**
   * The params of the request. `inputResponses`, `requestState` and `_meta` are left out of
   * the digest: they legitimately change between the first request and its retries.
   */
  params: unknown
  /** The principal (from the app's `identify` hook); `undefined` for anonymous requests. */
  identity: string | undefined
}

/** What a state carries from one round to the next. */
export interface RequestStateContent {
  /** Answers collected in earlier rounds, by input request key. */
  answers: Record<string, unknown>
  /** The keys asked in the round that issued the state, and the method of each. */
  pending: Record<string, string>
  /** How many rounds came before (1 for the state of the first input-required result). */
  round: number
}

/** A state that passed every check. */
export interface VerifiedRequestState extends RequestStateContent {
  /** Unique id of this state. */
  id: string
  /** When it stops being accepted, in milliseconds since the epoch. */
  expiresAt: number
}

/** Why a state was rejected. */
export type RequestStateProblem =
  'malformed' | 'signature' | 'expired' | 'audience' | 'method' | 'params' | 'identity' | 'consumed'

/** The outcome of {@link RequestStateCodec.verify}. */
export type RequestStateVerification =
  | { ok: true; state: VerifiedRequestState }
  | {
      ok: false
      problem: RequestStateProblem
      /** `-32602 Invalid params`: the state is an attacker-controlled parameter that failed. */
      error: McpError
    }

interface Payload {
  aud: string
  m: string
  d: string
  i: string | null
  exp: number
  n: string
  r: number
  a: Record<string, unknown>
  p: Record<string, string>
}

const VERSION = 'v1'
const MIN_KEY_BYTES = 32
const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const
const EXCLUDED_PARAMS = new Set(['inputResponses', 'requestState', '_meta'])

const PROBLEMS: Record<RequestStateProblem, string> = {
  malformed: 'it is not a requestState this server issued',
  signature:
    'its signature does not verify (it was altered, or signed with a key this server does not hold)',
  expired: 'it expired; send the request again without requestState and inputResponses',
  audience: 'it was issued by another server',
  method: 'it was issued for another method',
  params: 'it was issued for a request with other params',
  identity: 'it was issued to another principal',
  consumed: 'it was already used',
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function keyBytes(key: string | Uint8Array, index: number): Uint8Array<ArrayBuffer> {
  const bytes = typeof key === 'string' ? utf8(key) : new Uint8Array(key)
  if (bytes.byteLength < MIN_KEY_BYTES) {
    throw new TypeError(
      `requestState key ${String(index)} has ${String(bytes.byteLength)} bytes; HMAC-SHA-256 keys need at least ${String(MIN_KEY_BYTES)} (e.g. 32 random bytes, base64url-encoded)`,
    )
  }
  return bytes
}

/**
 * A digest of the params that must stay the same on a retry: SHA-256 over their canonical JSON,
 * leaving out `inputResponses`, `requestState` and `_meta`.
 */
export async function paramsDigest(params: unknown): Promise<string> {
  const kept: Record<string, unknown> = {}
  if (isRecord(params)) {
    for (const [key, value] of Object.entries(params)) {
      if (!EXCLUDED_PARAMS.has(key)) kept[key] = value
    }
  }
  const digest = await crypto.subtle.digest('SHA-256', utf8(canonicalJson(kept)))
  return toBase64Url(new Uint8Array(digest))
}

function randomId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(12)))
}

function parsePayload(bytes: Uint8Array): Payload | undefined {
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return undefined
  }
  if (!isRecord(value)) return undefined
  const { aud, m, d, i, exp, n, r, a, p } = value
  if (typeof aud !== 'string' || typeof m !== 'string' || typeof d !== 'string') return undefined
  if (i !== null && typeof i !== 'string') return undefined
  if (typeof exp !== 'number' || typeof n !== 'string' || typeof r !== 'number') return undefined
  if (!isRecord(a) || !isRecord(p)) return undefined
  if (!Object.values(p).every((method) => typeof method === 'string')) return undefined
  return { aud, m, d, i, exp, n, r, a, p: p as Record<string, string> }
}

/**
 * Signs and verifies `requestState` tokens. Stateless: two codecs with the same keys accept each
 * other's tokens, so a retry may land on any instance.
 *
 * @example
 * ```ts
 * const codec = new RequestStateCodec({ keys: [process.env.MCP_STATE_KEY!] })
 * const token = await codec.sign(
 *   { method: 'tools/call', params, identity: undefined },
 *   { answers: {}, pending: { 'elicitation/create#1': 'elicitation/create' }, round: 1 },
 * )
 * const checked = await codec.verify(token, { method: 'tools/call', params: retryParams, identity: undefined })
 * if (!checked.ok) throw checked.error // -32602
 * ```
 */
export class RequestStateCodec {
  /** How long a state is accepted after it is issued, in milliseconds. */
  readonly ttlMs: number
  readonly #keys: Promise<CryptoKey[]>
  readonly #audience: string
  readonly #consume: RequestStateOptions['consume']
  readonly #now: () => number

  /** @throws TypeError for a key shorter than 32 bytes or an empty key list. */
  constructor(options: RequestStateOptions = {}) {
    const raw = options.keys ?? [crypto.getRandomValues(new Uint8Array(MIN_KEY_BYTES))]
    if (raw.length === 0) throw new TypeError('requestState keys: give at least one key')
    const bytes = raw.map((key, index) => keyBytes(key, index))
    this.#keys = Promise.all(
      bytes.map((key) => crypto.subtle.importKey('raw', key, HMAC, false, ['sign', 'verify'])),
    )
    this.ttlMs = options.ttlMs ?? 600_000
    this.#audience = options.audience ?? ''
    this.#consume = options.consume
    this.#now = options.now ?? Date.now
  }

  /** Issues a state for `binding` carrying `content`, signed with the first key. */
  async sign(binding: RequestStateBinding, content: RequestStateContent): Promise<string> {
    const payload: Payload = {
      aud: this.#audience,
      m: binding.method,
      d: await paramsDigest(binding.params),
      i: binding.identity ?? null,
      exp: this.#now() + this.ttlMs,
      n: randomId(),
      r: content.round,
      a: content.answers,
      p: content.pending,
    }
    const signed = `${VERSION}.${toBase64Url(utf8(JSON.stringify(payload)))}`
    const [key] = await this.#keys
    const signature = await crypto.subtle.sign('HMAC', key as CryptoKey, utf8(signed))
    return `${signed}.${toBase64Url(new Uint8Array(signature))}`
  }

  /**
   * Checks a state received on a retry: format, signature (any configured key), audience,
   * expiry, method, identity and params digest, then the optional single-use hook. Never throws.
   */
  async verify(token: unknown, binding: RequestStateBinding): Promise<RequestStateVerification> {
    if (typeof token !== 'string') return this.#reject('malformed')
    const parts = token.split('.')
    if (parts.length !== 3 || parts[0] !== VERSION) return this.#reject('malformed')
    const [, encodedPayload = '', encodedSignature = ''] = parts
    const payloadBytes = fromBase64Url(encodedPayload)
    const signature = fromBase64Url(encodedSignature)
    if (payloadBytes === undefined || signature === undefined) return this.#reject('malformed')

    const signed = utf8(`${VERSION}.${encodedPayload}`)
    let verified = false
    for (const key of await this.#keys) {
      // crypto.subtle.verify compares in constant time.
      if (await crypto.subtle.verify('HMAC', key, signature, signed)) {
        verified = true
        break
      }
    }
    if (!verified) return this.#reject('signature')

    const payload = parsePayload(payloadBytes)
    if (payload === undefined) return this.#reject('malformed')
    if (payload.aud !== this.#audience) return this.#reject('audience')
    if (this.#now() >= payload.exp) return this.#reject('expired')
    if (payload.m !== binding.method) return this.#reject('method')
    if (payload.i !== (binding.identity ?? null)) return this.#reject('identity')
    if (payload.d !== (await paramsDigest(binding.params))) return this.#reject('params')
    if (this.#consume !== undefined && !(await this.#consume(payload.n, payload.exp))) {
      return this.#reject('consumed')
    }
    return {
      ok: true,
      state: {
        id: payload.n,
        expiresAt: payload.exp,
        answers: payload.a,
        pending: payload.p,
        round: payload.r,
      },
    }
  }

  #reject(problem: RequestStateProblem): RequestStateVerification {
    return {
      ok: false,
      problem,
      error: new McpError(
        ErrorCode.InvalidParams,
        `Invalid params: requestState rejected: ${PROBLEMS[problem]}`,
        { data: { reason: problem } },
      ),
    }
  }
}
