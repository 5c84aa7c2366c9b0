import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  // The demo runs over real sockets; on a busy machine (turbo runs every package at once) a run
  // can take longer than vitest's 5 s default without anything being wrong.
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 },
})
