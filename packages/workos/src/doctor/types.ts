/** How one diagnosis came out: `fail` breaks sign-in, `warn` may, `skip` could not be checked. */
export type DoctorStatus = "pass" | "fail" | "warn" | "skip";

/** One line of the doctor's report. `fix` is one sentence on what to change, present unless it passed. */
export interface DoctorCheck {
  /** Stable identifier, for `--json` consumers and tests (e.g. `authkit.dcr`). */
  id: string;
  status: DoctorStatus;
  /** What was checked and what was found, safe to print: never the API key. */
  summary: string;
  fix?: string;
}

/** Everything the doctor found, in the order it checked. `ok` is false when any check failed. */
export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheck[];
}

/**
 * What the doctor checks: the same settings `workosProvider()` reads, from the same environment
 * variables, none of them validated yet (finding them wrong is the doctor's job).
 */
export interface DoctorInput {
  apiKey?: string;
  clientId?: string;
  baseURL?: string;
  authkitDomain?: string;
  mcpPath?: string;
  /** Where the WorkOS REST API is reached; default https://api.workos.com. */
  apiURL?: string;
  clockToleranceSeconds?: number;
  strictAudience?: boolean;
}

/** What the checks need from the outside world; tests keep the real `fetch` and move no clocks. */
export interface DoctorRuntime {
  fetch: typeof fetch;
  /** Milliseconds since the epoch. */
  now(): number;
  timeoutMs: number;
}
