import type { FetchFunction } from '../http-client.js'

/**
 * A request handler (`(request) => response`, as the official SDK's web-standard servers take
 * one) as the client's `fetch`, for servers run in-process. A `Request` sent without an init
 * goes through as it is.
 */
export function handlerFetch(
  handler: (request: Request) => Promise<Response> | Response,
): FetchFunction {
  return (input, init) =>
    handler(input instanceof Request && init === undefined ? input : new Request(input, init))
}
