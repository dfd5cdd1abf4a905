/**
 * `@xmcp-dev/authkit-emulator`: a local, development-only stand-in for WorkOS AuthKit's MCP
 * OAuth surface and the WorkOS REST API. This file is the whole public surface.
 */
export { startEmulator, type RunningEmulator } from "./start-emulator.js";
export type { IssueAccessTokenInput, IssuedAccessToken } from "./test-tokens/issue-access-token.js";
export { EmulatorStartupError, type EmulatorStartupErrorCode } from "./emulator-startup-error.js";
export type { EmulatorContext, EmulatorLogger, EmulatorOptions } from "./context.js";
export { DOCUMENTED_RATE_LIMITS, type RateLimit, type RateLimitsOptions } from "./http/rate-limits/index.js";
export type { EnvironmentOptions, JwtTemplateClaim } from "./environment/environment-options.js";
export type * from "./store/types.js";
