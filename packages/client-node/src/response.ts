/**
 * A web `Response` from a `node:http` response: buffered when the body has a length (cheapest:
 * one `Response` over one buffer), streamed when it is an event stream or has no known end.
 * @module
 */
import { Buffer } from 'node:buffer'
import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate, constants } from 'node:zlib'
import { BufferedResponse, StreamedResponse } from './node-response.js'

/** How a response's body ends up: settled with the `Response`, or failed before it. */
export interface BodyCallbacks {
  resolve: (response: Response) => void
  reject: (error: unknown) => void
  /** Called once the body has been read to its end, failed or been cancelled. */
  done: () => void
}

/** The state of a body being streamed, so that an abort can fail it. */
export interface StreamedBody {
  /** Fails the stream (an abort's reason), once. */
  fail(error: unknown): void
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])
const HIGH_WATER_MARK = 64 * 1024

/** Status and headers of a `node:http` response, as `ResponseInit`. */
function responseInit(res: IncomingMessage): ResponseInit {
  const raw = res.rawHeaders
  const headers: [string, string][] = []
  for (let index = 0; index < raw.length; index += 2) {
    headers.push([raw[index] as string, raw[index + 1] as string])
  }
  return { status: res.statusCode ?? 200, statusText: res.statusMessage ?? '', headers }
}

/** The body decoded as `content-encoding` says, for the encodings fetch decodes. */
function decoded(res: IncomingMessage): Readable {
  const encoding = res.headers['content-encoding']?.trim().toLowerCase()
  if (encoding === undefined || encoding === 'identity') return res
  // Lenient like fetch: a body cut short after its last complete block is not an error.
  const lenient = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH }
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip(lenient)
      : encoding === 'deflate'
        ? createInflate(lenient)
        : encoding === 'br'
          ? createBrotliDecompress({
              flush: constants.BROTLI_OPERATION_FLUSH,
              finishFlush: constants.BROTLI_OPERATION_FLUSH,
            })
          : undefined
  if (decoder === undefined) return res
  res.on('error', (error) => decoder.destroy(error))
  return res.pipe(decoder)
}

/**
 * Builds the response of `res` and hands it to `callbacks.resolve`. Returns the streamed body
 * when there is one (an abort must fail it), else `undefined`.
 */
export function deliver(
  res: IncomingMessage,
  method: string,
  url: string,
  redirected: boolean,
  callbacks: BodyCallbacks,
): { streamed: StreamedBody | undefined } {
  const init = responseInit(res)
  const status = init.status as number
  const result: { streamed: StreamedBody | undefined } = { streamed: undefined }
  if (method === 'HEAD' || NULL_BODY_STATUSES.has(status)) {
    res.resume()
    res.once('end', callbacks.done)
    callbacks.resolve(new StreamedResponse(null, init, url, redirected))
    return result
  }
  const body = decoded(res)
  const type = res.headers['content-type'] ?? ''
  if (type.startsWith('text/event-stream')) {
    result.streamed = stream(body, res, init, url, redirected, [], callbacks)
    return result
  }
  const chunks: Buffer[] = []
  let settled = false
  const onData = (chunk: Buffer): void => {
    chunks.push(chunk)
  }
  const onEnd = (): void => {
    if (settled) return
    settled = true
    cleanup()
    const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)
    callbacks.done()
    callbacks.resolve(new BufferedResponse(bytes as Uint8Array<ArrayBuffer>, init, url, redirected))
  }
  const onError = (error: unknown): void => {
    if (settled) return
    settled = true
    cleanup()
    callbacks.done()
    callbacks.reject(error)
  }
  const cleanup = (): void => {
    body.off('data', onData).off('end', onEnd).off('error', onError)
    res.off('close', onClose)
  }
  const onClose = (): void => {
    if (!res.complete) onError(new Error('aborted', { cause: { code: 'ECONNRESET' } }))
  }
  body.on('data', onData).on('end', onEnd).on('error', onError)
  res.on('close', onClose)
  if (res.headers['content-length'] !== undefined) return result
  // No length: a body that is all there already is buffered; one still coming is streamed, so
  // that a body with no end (a stream that is not an event stream) still resolves.
  const timer = setImmediate(() => {
    if (settled) return
    settled = true
    cleanup()
    result.streamed = stream(body, res, init, url, redirected, chunks, callbacks)
  })
  const clear = (): void => {
    clearImmediate(timer)
  }
  body.once('end', clear).once('error', clear)
  return result
}

/** Resolves with a response whose body streams `body`, with backpressure. */
function stream(
  body: Readable,
  res: IncomingMessage,
  init: ResponseInit,
  url: string,
  redirected: boolean,
  already: Buffer[],
  callbacks: BodyCallbacks,
): StreamedBody {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined
  let finished = false
  const finish = (): void => {
    if (finished) return
    finished = true
    body.off('data', onData).off('end', onEnd).off('error', onError)
    res.off('close', onClose)
    callbacks.done()
  }
  const onData = (chunk: Buffer): void => {
    controller?.enqueue(chunk)
    if ((controller?.desiredSize ?? 1) <= 0) body.pause()
  }
  const onEnd = (): void => {
    if (finished) return
    finish()
    controller?.close()
  }
  const fail = (error: unknown): void => {
    if (finished) return
    finish()
    controller?.error(error)
    res.destroy()
  }
  // undici's name for a body cut short.
  const onError = (error: unknown): void => {
    fail(new TypeError('terminated', { cause: error }))
  }
  const onClose = (): void => {
    if (!res.complete) onError(new Error('other side closed', { cause: { code: 'ECONNRESET' } }))
  }
  const readable = new ReadableStream<Uint8Array>(
    {
      start(started) {
        controller = started
        for (const chunk of already) started.enqueue(chunk)
      },
      pull() {
        body.resume()
      },
      cancel() {
        finish()
        res.destroy()
      },
    },
    { highWaterMark: HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
  )
  body.on('data', onData).on('end', onEnd).on('error', onError)
  res.on('close', onClose)
  callbacks.resolve(new StreamedResponse(readable, init, url, redirected))
  return { fail }
}
