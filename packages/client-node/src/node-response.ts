/**
 * The `Response` classes `nodeFetch` answers with: real `Response`s (`instanceof Response`, the
 * same status, headers and body methods) that also carry the `url` and `redirected` a
 * constructed `Response` cannot be given.
 * @module
 */

/**
 * A response whose body streams (or that has none): `url` and `redirected` on top of a plain
 * `Response`.
 */
export class StreamedResponse extends Response {
  readonly #url: string
  readonly #redirected: boolean

  constructor(
    body: ReadableStream<Uint8Array> | null,
    init: ResponseInit,
    url: string,
    redirected: boolean,
  ) {
    super(body, init)
    this.#url = url
    this.#redirected = redirected
  }

  override get url(): string {
    return this.#url
  }

  override get redirected(): boolean {
    return this.#redirected
  }

  override clone(): Response {
    const copy = super.clone()
    const { status, statusText, headers } = copy
    return new StreamedResponse(
      copy.body,
      { status, statusText, headers },
      this.url,
      this.redirected,
    )
  }
}

const decoder = new TextDecoder()

/**
 * A response whose body has been read into one buffer. Its body is not a stream until someone
 * asks for `body`: `text()` and `json()` decode the buffer directly, which spares the web stream
 * that `new Response(bytes)` builds and reads back (most of what a Response costs).
 */
export class BufferedResponse extends StreamedResponse {
  readonly #bytes: Uint8Array<ArrayBuffer>
  readonly #init: ResponseInit
  /** The body as a plain `Response`, once `body` or a rare method needed one. */
  #inner: Response | undefined
  #used = false

  constructor(
    bytes: Uint8Array<ArrayBuffer>,
    init: ResponseInit,
    url: string,
    redirected: boolean,
  ) {
    super(null, init, url, redirected)
    this.#bytes = bytes
    this.#init = init
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#delegate().body
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#inner?.bodyUsed ?? false)
  }

  override text(): Promise<string> {
    if (this.#inner !== undefined) return this.#inner.text()
    if (this.#used) return Promise.reject(unusable())
    this.#used = true
    return Promise.resolve(decoder.decode(this.#bytes))
  }

  override json(): Promise<unknown> {
    if (this.#inner !== undefined) return this.#inner.json()
    return this.text().then((text) => JSON.parse(text) as unknown)
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#delegate().arrayBuffer()
  }

  override blob(): Promise<Blob> {
    return this.#delegate().blob()
  }

  override formData(): Promise<FormData> {
    return this.#delegate().formData()
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.')
    if (this.#inner !== undefined) {
      return new StreamedResponse(this.#inner.clone().body, this.#init, this.url, this.redirected)
    }
    return new BufferedResponse(this.#bytes, this.#init, this.url, this.redirected)
  }

  /** A plain `Response` over the same bytes, for what the fast path does not cover. */
  #delegate(): Response {
    if (this.#inner === undefined) {
      this.#inner = new Response(this.#bytes, this.#init)
      // Read by the fast path already: its stream is as used as the body is.
      if (this.#used) void this.#inner.arrayBuffer()
    }
    return this.#inner
  }
}

function unusable(): TypeError {
  return new TypeError('Body is unusable: Body has already been read')
}
