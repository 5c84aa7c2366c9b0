import { ErrorCode } from '@mcp-sse/protocol'
import { describe, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url, utf8 } from './encoding.js'
import {
  RequestStateCodec,
  paramsDigest,
  type RequestStateBinding,
  type RequestStateContent,
} from './request-state.js'

const KEY_A = 'a'.repeat(32)
const KEY_B = 'b'.repeat(32)

const binding: RequestStateBinding = {
  method: 'tools/call',
  params: { name: 'book', arguments: { city: 'Oslo', nights: 2 } },
  identity: 'user-1',
}
const content: RequestStateContent = {
  answers: { 'elicitation/create#1': { action: 'accept', content: { ok: true } } },
  pending: { 'sampling/createMessage#2': 'sampling/createMessage' },
  round: 2,
}

describe('RequestStateCodec', () => {
  it('verifies what it signed and gives back the answers and pending keys', async () => {
    const codec = new RequestStateCodec({ keys: [KEY_A] })
    const token = await codec.sign(binding, content)
    const checked = await codec.verify(token, binding)
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(checked.state.answers).toEqual(content.answers)
    expect(checked.state.pending).toEqual(content.pending)
    expect(checked.state.round).toBe(2)
  })

  it('is stateless: another instance holding the same key accepts the state', async () => {
    const token = await new RequestStateCodec({ keys: [KEY_A] }).sign(binding, content)
    const other = new RequestStateCodec({ keys: [KEY_A] })
    expect((await other.verify(token, binding)).ok).toBe(true)
  })

  it('issues a different state every time, even for the same content', async () => {
    const codec = new RequestStateCodec({ keys: [KEY_A] })
    expect(await codec.sign(binding, content)).not.toBe(await codec.sign(binding, content))
  })

  it('signs with the first key and accepts every listed key (rotation)', async () => {
    const old = new RequestStateCodec({ keys: [KEY_A] })
    const rotated = new RequestStateCodec({ keys: [KEY_B, KEY_A] })
    const oldToken = await old.sign(binding, content)
    expect((await rotated.verify(oldToken, binding)).ok).toBe(true)
    const newToken = await rotated.sign(binding, content)
    expect((await new RequestStateCodec({ keys: [KEY_B] }).verify(newToken, binding)).ok).toBe(true)
    const rejected = await old.verify(newToken, binding)
    expect(rejected).toMatchObject({ ok: false, problem: 'signature' })
  })

  it('rejects a tampered state with -32602', async () => {
    const codec = new RequestStateCodec({ keys: [KEY_A] })
    const token = await codec.sign(binding, content)
    const suffixed = await codec.verify(`${token}-TAMPERED`, binding)
    expect(suffixed.ok).toBe(false)
    if (suffixed.ok) return
    expect(suffixed.error.code).toBe(ErrorCode.InvalidParams)
    expect(suffixed.error.message).toContain('requestState')

    // Rewrite the answers inside the payload and keep the original signature.
    const [version, payload, signature] = token.split('.') as [string, string, string]
    const decoded = JSON.parse(new TextDecoder().decode(fromBase64Url(payload))) as {
      a: Record<string, unknown>
    }
    decoded.a = { 'elicitation/create#1': { action: 'accept', content: { ok: false } } }
    const forged = `${version}.${toBase64Url(utf8(JSON.stringify(decoded)))}.${signature}`
    expect(await codec.verify(forged, binding)).toMatchObject({ ok: false, problem: 'signature' })
  })

  it('rejects what is not a state at all', async () => {
    const codec = new RequestStateCodec({ keys: [KEY_A] })
    for (const token of [42, '', 'abc', 'v2.x.y', 'v1.***.***', 'v1.a.b.c']) {
      expect(await codec.verify(token, binding)).toMatchObject({ ok: false, problem: 'malformed' })
    }
  })

  it('rejects an expired state', async () => {
    let now = 1_000_000
    const codec = new RequestStateCodec({ keys: [KEY_A], ttlMs: 60_000, now: () => now })
    const token = await codec.sign(binding, content)
    now += 59_999
    expect((await codec.verify(token, binding)).ok).toBe(true)
    now += 1
    const expired = await codec.verify(token, binding)
    expect(expired).toMatchObject({ ok: false, problem: 'expired' })
    if (!expired.ok) expect(expired.error.message).toContain('expired')
  })

  it('rejects a state replayed into another method, other params or by another principal', async () => {
    const codec = new RequestStateCodec({ keys: [KEY_A] })
    const token = await codec.sign(binding, content)
    expect(await codec.verify(token, { ...binding, method: 'prompts/get' })).toMatchObject({
      ok: false,
      problem: 'method',
    })
    expect(
      await codec.verify(token, {
        ...binding,
        params: { name: 'book', arguments: { city: 'Paris', nights: 2 } },
      }),
    ).toMatchObject({ ok: false, problem: 'params' })
    expect(await codec.verify(token, { ...binding, identity: 'user-2' })).toMatchObject({
      ok: false,
      problem: 'identity',
    })
    expect(await codec.verify(token, { ...binding, identity: undefined })).toMatchObject({
      ok: false,
      problem: 'identity',
    })
  })

  it('accepts the retry whose params differ only in inputResponses, requestState, _meta or key order', async () => {
    const codec = new RequestStateCodec({ keys: [KEY_A] })
    const token = await codec.sign(binding, content)
    const retry = {
      arguments: { nights: 2, city: 'Oslo' },
      name: 'book',
      inputResponses: { x: { action: 'decline' } },
      requestState: token,
      _meta: { progressToken: 7 },
    }
    expect((await codec.verify(token, { ...binding, params: retry })).ok).toBe(true)
  })

  it('rejects a state issued by another server sharing the key', async () => {
    const weather = new RequestStateCodec({ keys: [KEY_A], audience: 'weather' })
    const billing = new RequestStateCodec({ keys: [KEY_A], audience: 'billing' })
    const token = await weather.sign(binding, content)
    expect(await billing.verify(token, binding)).toMatchObject({ ok: false, problem: 'audience' })
  })

  it('enforces single use through the consume hook', async () => {
    const used = new Set<string>()
    const codec = new RequestStateCodec({
      keys: [KEY_A],
      consume: (id) => {
        if (used.has(id)) return false
        used.add(id)
        return true
      },
    })
    const token = await codec.sign(binding, content)
    expect((await codec.verify(token, binding)).ok).toBe(true)
    expect(await codec.verify(token, binding)).toMatchObject({ ok: false, problem: 'consumed' })
  })

  it('refuses keys too short for HMAC-SHA-256', () => {
    expect(() => new RequestStateCodec({ keys: ['short'] })).toThrow(/at least 32/)
    expect(() => new RequestStateCodec({ keys: [] })).toThrow(TypeError)
  })

  it('works without configured keys, on one instance', async () => {
    const codec = new RequestStateCodec()
    const token = await codec.sign(binding, content)
    expect((await codec.verify(token, binding)).ok).toBe(true)
    expect((await new RequestStateCodec().verify(token, binding)).ok).toBe(false)
  })
})

describe('paramsDigest', () => {
  it('ignores key order and the fields that change between retries', async () => {
    expect(await paramsDigest({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      await paramsDigest({ b: { d: 'x', c: [1, 2] }, a: 1, _meta: { y: 1 }, requestState: 's' }),
    )
    expect(await paramsDigest({ a: 1 })).not.toBe(await paramsDigest({ a: 2 }))
    expect(await paramsDigest({ a: [1, 2] })).not.toBe(await paramsDigest({ a: [2, 1] }))
  })
})
