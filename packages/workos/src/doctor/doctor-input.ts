import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv } from "node:util";
import type { DoctorInput } from "./types.js";

type Env = Record<string, string | undefined>;

const FLAGS: Record<string, keyof DoctorInput> = {
  "--client-id": "clientId",
  "--base-url": "baseURL",
  "--authkit-domain": "authkitDomain",
  "--mcp-path": "mcpPath",
  "--api-url": "apiURL",
};

export interface DoctorArgs {
  input: DoctorInput;
  json: boolean;
  help: boolean;
}

/**
 * The doctor reads what `workosProvider()` reads — `WORKOS_API_KEY`, `WORKOS_CLIENT_ID`,
 * `BASE_URL`, `WORKOS_AUTHKIT_DOMAIN`, `WORKOS_API_URL`, `WORKOS_CLOCK_TOLERANCE_SECONDS` — from
 * the environment, then `.env.local` and `.env` in the working directory (as xmcp does), and
 * flags override. The API key is taken from the environment only: a flag would leave it in the
 * shell's history.
 */
export function parseDoctorArgs(argv: string[], env: Env, cwd: string): DoctorArgs {
  const input: DoctorInput = {};
  let json = false;
  let help = false;
  let envFiles = [".env.local", ".env"];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (name === "--json") json = true;
    else if (name === "--help" || name === "-h") help = true;
    else if (name === "--strict-audience") input.strictAudience = true;
    else if (name === "--env-file") envFiles = [inline ?? argv[++i] ?? ""];
    else if (name === "--api-key") throw new TypeError("--api-key is not accepted: set WORKOS_API_KEY in the environment or .env, so the key stays out of shell history");
    else if (name in FLAGS) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) throw new TypeError(`${name} needs a value`);
      input[FLAGS[name]!] = value as never;
    } else throw new TypeError(`unknown argument ${arg} (see --help)`);
  }
  const merged = { ...readEnvFiles(envFiles, cwd), ...definedOnly(env) };
  const tolerance = merged.WORKOS_CLOCK_TOLERANCE_SECONDS;
  return {
    json,
    help,
    input: {
      apiKey: merged.WORKOS_API_KEY,
      clientId: input.clientId ?? merged.WORKOS_CLIENT_ID,
      baseURL: input.baseURL ?? merged.BASE_URL,
      authkitDomain: input.authkitDomain ?? merged.WORKOS_AUTHKIT_DOMAIN,
      mcpPath: input.mcpPath,
      apiURL: input.apiURL ?? merged.WORKOS_API_URL,
      clockToleranceSeconds: tolerance ? Number(tolerance) : undefined,
      strictAudience: input.strictAudience,
    },
  };
}

function readEnvFiles(files: string[], cwd: string): Env {
  const merged: Env = {};
  // Earlier files win, as with dotenv's `.env.local` over `.env`.
  for (const file of [...files].reverse()) {
    const path = resolve(cwd, file);
    if (existsSync(path)) Object.assign(merged, parseEnv(readFileSync(path, "utf8")));
  }
  return merged;
}

function definedOnly(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
}
