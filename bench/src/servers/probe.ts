/**
 * Preloaded into every server under test with `--import`: answers the harness's memory question
 * over the IPC channel from inside the server process, and ends the server when the harness goes
 * away (so a killed harness leaves no server behind).
 *
 * The answer is `process.memoryUsage()` after four forced full collections, each followed by a
 * turn of the event loop so finalizers and weak callbacks run.
 * @module
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

type Collect = () => void

function collector(): Collect {
  const exposed = (globalThis as { gc?: Collect }).gc
  if (exposed !== undefined) return exposed
  // Without --expose-gc (a server started some other way), the flag can still be set at run time.
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as Collect
}

async function answer(id: unknown): Promise<void> {
  const collect = collector()
  for (let round = 0; round < 4; round++) {
    collect()
    await new Promise((resolve) => setImmediate(resolve))
  }
  process.send?.({ type: 'memory', id, usage: process.memoryUsage() })
}

if (process.send !== undefined) {
  process.on('message', (message: { type?: string; id?: unknown } | null) => {
    if (message?.type === 'memory') void answer(message.id)
  })
  process.on('disconnect', () => {
    process.exit(0)
  })
  process.channel?.unref()
}
