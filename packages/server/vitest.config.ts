import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // eventsource (used by the official SDK clients, 1.x and v2) publishes a `source` export that
    // points at TypeScript: let vite transform it rather than Node load it.
    server: {
      deps: {
        inline: [/@modelcontextprotocol\/(sdk|client)/, 'eventsource', 'eventsource-parser'],
      },
    },
  },
})
