/**
 * WorkOS secret API keys start with `sk_` (`sk_test_…`, `sk_live_…`). One pasted into the wrong
 * setting must never be echoed by a start-up error or a doctor report, which end up in logs and
 * CI output, nor used as a host name: resolving `sk_test_….example` hands the key to DNS.
 * Preceded by no letter or digit, so `desk_app` is not one.
 */
const apiKeyPattern = /(?<![A-Za-z0-9])sk_[A-Za-z0-9_]{8,}/g;

function containsApiKey(value: string): boolean {
  apiKeyPattern.lastIndex = 0;
  return apiKeyPattern.test(value);
}

/**
 * A setting's value as errors and reports quote it: in quotes, with any API key in it cut to `sk_…`.
 *
 * @example
 * shown("https://sk_test_a1b2c3d4e5/") // "\"https://sk_…/\""
 */
export function shown(value: unknown): string {
  return JSON.stringify(String(value).replace(apiKeyPattern, "sk_…"));
}

/** Why a setting holding an API key is refused (without quoting it), or undefined when it holds none. */
export function misplacedApiKey(option: string, value: string, expected: string): string | undefined {
  if (!containsApiKey(value)) return undefined;
  return `${option} holds what looks like a WorkOS API key (sk_…), not ${expected}: it was not used; put the key in apiKey (WORKOS_API_KEY) only`;
}

/** Refuses a setting that holds an API key, before anything is fetched from or sent to it. */
export function refuseApiKeyIn(option: string, value: string, expected: string): void {
  const problem = misplacedApiKey(option, value, expected);
  if (problem) throw new TypeError(`[WorkOS] ${problem}`);
}

/**
 * {@link refuseApiKeyIn} for every other string setting (`docsURL`, `mcpPath`, `audience`,
 * `allowedOrigins`, scopes...), most of which are published: in the protected resource metadata
 * and in every `WWW-Authenticate` challenge.
 */
export function refuseApiKeysInSettings(settings: Readonly<Record<string, unknown>>, except: readonly string[]): void {
  for (const [name, value] of Object.entries(settings)) {
    if (except.includes(name)) continue;
    const values = typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
    for (const text of values) refuseApiKeyIn(name, text, `a value for ${name}`);
  }
}
