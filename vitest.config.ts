import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Outside Next.js the guard package would throw; in tests it has nothing to guard.
      { find: "server-only", replacement: path.join(root, "testing/empty-module.ts") },
    ],
  },
  test: {
    // Vitest's default on 2 cores is one file at a time; the integration tests spend much of
    // their time waiting on PostgreSQL, Pebble, sshd and nginx, so two overlap well (the whole
    // run 12.6 → 7.7 min on the 2-core CI machine).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.{ts,tsx}",
            "testing/**/*.test.ts",
            "bench/lib/**/*.test.ts",
          ],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["lib/**/*.int.test.ts", "app/**/*.int.test.ts", "testing/**/*.int.test.ts"],
          globalSetup: ["testing/postgres-global-setup.ts"],
          setupFiles: ["testing/database-per-file.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
