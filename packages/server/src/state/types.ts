/**
 * Shared types of the state interfaces.
 * @module
 */

/** A value, or a promise of it: in-memory implementations answer synchronously. */
export type MaybePromise<T> = T | Promise<T>
