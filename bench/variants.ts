import type { Runtime } from "./targets.js";

/**
 * What `npm run bench` measures. Each server process is one build of the example and lives for
 * the whole run, so JIT warm-up is paid once and rounds can alternate between processes; JWKS
 * and WorkOS API counts are kept per process.
 *
 * Two long-lived Node processes running the same build under the same load can differ by 10–30 %
 * in CPU per call for a whole run (measured on the 2-core bench VM: 860 vs 1,470 µs per call,
 * same build), which is more than the targets' margins. Hence `no-auth-control`, a second copy of
 * the baseline whose ratio to the baseline shows that spread in every table, and a process of its
 * own for the repeated-token variant, so the distinct-token variant's 10,000 cached sessions do
 * not share its heap.
 */
export interface ServerProcess {
  id: "no-auth" | "no-auth-control" | "repeated" | "default" | "token-cache-off" | "no-caches" | RuntimeProcessId;
  app: "noAuth" | "workos";
  /** Where it runs when not on xmcp's own Node server: `wrangler dev` (workerd) or `next start`. */
  runtime?: Runtime;
  /** Inserted as the provider's `cache` option into this build's `src/middleware.ts`; absent means the example as shipped. */
  cache?: Record<string, unknown>;
}

/** The processes of another runtime: its baseline, the baseline's control twin, and one each for the repeated and the distinct tokens. */
type RuntimeProcessId = `${Runtime}-${"no-auth" | "no-auth-control" | "repeated" | "default"}`;

const runtimeProcesses = (runtime: Runtime): ServerProcess[] => [
  { id: `${runtime}-no-auth`, app: "noAuth", runtime },
  { id: `${runtime}-no-auth-control`, app: "noAuth", runtime },
  { id: `${runtime}-repeated`, app: "workos", runtime },
  { id: `${runtime}-default`, app: "workos", runtime },
];

export const processes: ServerProcess[] = [
  { id: "no-auth", app: "noAuth" },
  { id: "no-auth-control", app: "noAuth" },
  { id: "repeated", app: "workos" },
  { id: "default", app: "workos" },
  { id: "token-cache-off", app: "workos", cache: { tokens: false } },
  { id: "no-caches", app: "workos", cache: { tokens: false, jwks: { cacheMaxAgeMs: 0 } } },
  ...runtimeProcesses("workers"),
  ...runtimeProcesses("nextjs"),
];

export interface Variant {
  id: string;
  label: string;
  process: ServerProcess["id"];
  tool: "greet" | "whoami";
  /** `one`: a real token repeated; `distinct`: the minted set, round-robin; `users`: one real token per seeded user. */
  tokens: "one" | "distinct" | "users";
  /** Delay the proxy adds to every request to AuthKit and the WorkOS API (JWKS, getUser) during this variant. */
  delayMs: number;
  /** The variant whose throughput the ratio is over: the same runtime's no-auth process. Default `no-auth`. */
  baseline?: string;
  /**
   * What the server must report for this variant's measured runs (`provider.stats()`), or the run
   * fails: `hits`, every request answered from the verified-token cache; `misses`, every request
   * a cache miss and a full verification; `uncached`, no cache lookups and a verification per
   * request (the token cache is off).
   */
  expect?: "hits" | "misses" | "uncached";
}

/**
 * Minimum throughput with the plugin over the same runtime without it, for a repeated token (every
 * request a cache hit) and distinct tokens (every request a miss). Judged on the medians of the
 * fresh-process sets (bench/processes.ts), where a control process shows the run's resolution;
 * the long-lived rows only inform.
 */
export const targets: Record<"node" | Runtime, { hit: number; miss?: number }> = {
  node: { hit: 0.97, miss: 0.85 },
  workers: { hit: 0.95 },
  nextjs: { hit: 0.95 },
};

/** The verified-token cache's default size (`cache.tokens.maxEntries`); the distinct set must exceed it. */
export const DEFAULT_TOKEN_CACHE_ENTRIES = 10_000;

/** The processes that run without the plugin: the baseline and its control twin. */
export function unauthenticated(process: ServerProcess["id"]): boolean {
  return process.endsWith("no-auth") || process.endsWith("no-auth-control");
}

const authenticated = (delayMs: number): Variant[] => {
  const suffix = delayMs ? `-${delayMs}ms` : "";
  return [
    {
      id: `repeated${suffix}`,
      label: "one token, repeated",
      process: "repeated",
      tool: "greet",
      tokens: "one",
      delayMs,
      expect: "hits",
    },
    {
      id: `distinct${suffix}`,
      label: "distinct tokens, every request a cache miss",
      process: "default",
      tool: "greet",
      tokens: "distinct",
      delayMs,
      expect: "misses",
    },
    {
      id: `cache-off${suffix}`,
      label: "token cache disabled",
      process: "token-cache-off",
      tool: "greet",
      tokens: "one",
      delayMs,
      expect: "uncached",
    },
    ...(delayMs
      ? [
          {
            id: `no-caches${suffix}`,
            label: "token and JWKS caches disabled",
            process: "no-caches",
            tool: "greet",
            tokens: "one",
            delayMs,
            expect: "uncached",
          } satisfies Variant,
        ]
      : []),
    {
      id: `whoami${suffix}`,
      label: "whoami (getUser), 4 users",
      process: "default",
      tool: "whoami",
      tokens: "users",
      delayMs,
      expect: "hits",
    },
  ];
};

export const variants: Variant[] = [
  { id: "no-auth", label: "no auth (pass-through middleware)", process: "no-auth", tool: "greet", tokens: "one", delayMs: 0 },
  {
    id: "no-auth-control",
    label: "no auth, a second identical process (control)",
    process: "no-auth-control",
    tool: "greet",
    tokens: "one",
    delayMs: 0,
  },
  ...authenticated(0),
  ...authenticated(20),
  ...onRuntime("workers", "Workers (wrangler dev)"),
  ...onRuntime("nextjs", "Next.js (next start)"),
];

/**
 * The same comparison on another runtime, against that runtime's own baseline (the example with
 * nothing in front of `/mcp`): its control twin, a repeated token, and distinct tokens.
 */
function onRuntime(runtime: Runtime, name: string): Variant[] {
  const baseline = `${runtime}-no-auth`;
  const variant = (id: string, label: string, rest: Partial<Variant>): Variant => ({
    id: `${runtime}-${id}`,
    label: `${name}: ${label}`,
    process: `${runtime}-${id}` as ServerProcess["id"],
    tool: "greet",
    tokens: "one",
    delayMs: 0,
    baseline,
    ...rest,
  });
  return [
    variant("no-auth", "no auth", {}),
    variant("no-auth-control", "no auth, a second identical process (control)", {}),
    variant("repeated", "one token, repeated", { expect: "hits" }),
    variant("distinct", "distinct tokens, every request a cache miss", { process: `${runtime}-default`, tokens: "distinct", expect: "misses" }),
  ];
}
