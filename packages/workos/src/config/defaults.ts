/**
 * Defaults for every optional setting, one documented block each.
 */
export const defaults = {
  /** xmcp's own default MCP endpoint. */
  mcpPath: "/mcp",
  /** Thirty seconds covers ordinary skew between AuthKit and a server without tightening `exp` meaningfully. */
  clockToleranceSeconds: 30,
  /** One retry absorbs a blip; the SDK's default of three with back-off can hold a tool call for a minute. */
  apiMaxRetries: 1,
  /** Enough for every live token of a busy server; entries leave at `exp` or least-recently-used. */
  tokenCacheMaxEntries: 10_000,
  /** Short: profile edits show up within a minute while a burst of tool calls costs one API request. */
  userTtlSeconds: 60,
  userMaxEntries: 5_000,
  /** Role changes reach the access helpers within a minute. */
  membershipTtlSeconds: 60,
  membershipMaxEntries: 5_000,
  /** jose's defaults are 10 min / 30 s / 5 s; kept, and a stale set still serves when AuthKit is unreachable. */
  jwksCacheMaxAgeMs: 10 * 60_000,
  jwksCooldownMs: 30_000,
  jwksTimeoutMs: 5_000,
  /**
   * A held key set answers through an AuthKit outage for six hours after its last successful
   * fetch, then requests get 503: long enough to ride out an incident, short enough that a key
   * AuthKit revoked does not stay trusted while its JWKS cannot be reached.
   */
  jwksMaxStaleMs: 6 * 60 * 60_000,
  /** AuthKit's RFC 8414 document changes only when the dashboard does. */
  metadataTtlSeconds: 15 * 60,
  metadataTimeoutMs: 5_000,
  /** A healthy Redis or KV read takes a few ms; past this the lookup goes on to the API without it. */
  storeTimeoutMs: 500,
  /**
   * Five minutes: WorkOS's rate-limit windows are 10 s and 60 s, so a throttled fleet keeps
   * answering through several windows, while a removed member loses access within minutes.
   */
  staleIfRateLimitedSeconds: 300,
} as const;
