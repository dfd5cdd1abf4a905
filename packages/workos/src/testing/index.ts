/**
 * `@xmcp-dev/workos/testing` — run tools as an authenticated caller in unit tests, with no HTTP.
 * Test-only: importing it with `NODE_ENV=production` throws.
 */
import { refuseInProduction } from "./refuse-in-production.js";

refuseInProduction();

export { withSession, type WithSessionOptions } from "./with-session.js";
export type { TestSession } from "./test-session.js";
