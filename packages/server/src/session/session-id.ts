/**
 * Session ids: 128 random bits from Web Crypto, base64url (22 visible ASCII characters).
 * @module
 */

/**
 * Creates a new session id: 128 bits from `crypto.getRandomValues`, base64url without padding.
 *
 * @example
 * ```ts
 * createSessionId() // 'q3Zr5B0xK8sT0cVbX2Jx1A'
 * ```
 */
export function createSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/**
 * Whether a value could be a session id at all: 1 to 128 visible ASCII characters (0x21-0x7E),
 * as the spec requires. Anything else is rejected before a store is asked.
 */
export function isWellFormedSessionId(value: string): boolean {
  if (value.length === 0 || value.length > 128) return false
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code < 0x21 || code > 0x7e) return false
  }
  return true
}
