/**
 * WorkOS secret API keys start with `sk_` (`sk_test_…`, `sk_live_…`). One pasted into the wrong
 * setting must never be echoed by a start-up error or a doctor report, which end up in logs and
 * CI output, nor used as a host name: resolving `sk_test_….example` hands the key to DNS.
 * Preceded by no letter or digit, so `desk_app` is not one.
 */
const apiKeyPattern = /(?<![A-Za-z0-9])sk_[A-Za-z0-9_]{8,}/g;

export function containsApiKey(value: string): boolean {
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

/** Refuses a setting that holds an API key, before anything is fetched from or sent to it. */
export function refuseApiKeyIn(option: string, value: string, expected: string): void {
  if (!containsApiKey(value)) return;
  throw new TypeError(`[WorkOS] ${option} holds what looks like a WorkOS API key (sk_…), not ${expected}: it was not used; put the key in apiKey (WORKOS_API_KEY) only`);
}
