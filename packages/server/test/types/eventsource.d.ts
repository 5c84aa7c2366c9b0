// The official SDK's SSE client types import `eventsource`, whose `source` export condition
// (which this workspace resolves) points at TypeScript sources that do not compile under our
// settings. Tests need only these two names from it.
export type ErrorEvent = Event & { code?: number; message?: string }
export type EventSourceInit = Record<string, unknown>
