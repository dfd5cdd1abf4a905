/**
 * The test kit makes any identity it is asked for. It must never run where real users are:
 * importing or calling it with `NODE_ENV=production` throws.
 */
export function refuseInProduction(): void {
  if (globalThis.process?.env?.NODE_ENV === "production") {
    throw new Error(
      "[WorkOS] @xmcp-dev/workos/testing is for tests only and refuses to run with NODE_ENV=production: import it from test files, never from server code",
    );
  }
}
