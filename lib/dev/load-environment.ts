// Environment for the launcher and the command-line scripts: .env files the way
// Next.js reads them, then, for local development only, generated secrets kept in
// .data/dev-secrets.json so the first `npm run dev` needs no editing and the
// encryption key stays the same from one start to the next.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";

const GENERATED = ["AUTH_SECRET", "CRON_SECRET", "ENCRYPTION_KEY"] as const;
type GeneratedSecrets = Record<(typeof GENERATED)[number], string>;

export const DEV_SECRETS_FILE = path.resolve(".data/dev-secrets.json");

function readOrCreateDevSecrets(): GeneratedSecrets {
  if (existsSync(DEV_SECRETS_FILE)) {
    return JSON.parse(readFileSync(DEV_SECRETS_FILE, "utf8")) as GeneratedSecrets;
  }
  const secrets: GeneratedSecrets = {
    AUTH_SECRET: randomBytes(32).toString("base64"),
    CRON_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  mkdirSync(path.dirname(DEV_SECRETS_FILE), { recursive: true });
  writeFileSync(DEV_SECRETS_FILE, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

/**
 * Loads .env files; with `developmentDefaults`, fills unset secrets from the
 * generated file and turns DEMO_MODE on unless it was set. Returns what was filled in.
 */
export function loadEnvironment(options: { developmentDefaults: boolean; dev?: boolean }): string[] {
  nextEnv.loadEnvConfig(process.cwd(), options.dev ?? options.developmentDefaults, {
    info: () => {},
    error: console.error,
  });
  const filled: string[] = [];
  if (!options.developmentDefaults) return filled;
  const missing = GENERATED.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    const secrets = readOrCreateDevSecrets();
    for (const name of missing) {
      process.env[name] = secrets[name];
      filled.push(name);
    }
  }
  if (process.env.DEMO_MODE === undefined) {
    process.env.DEMO_MODE = "true";
    filled.push("DEMO_MODE");
  }
  return filled;
}
