import type { User, WorkOS } from "@workos-inc/node";
import { WorkOSContextError } from "../errors.js";
import { currentRequestContext, registeredClient, type RequestContext } from "./request-context.js";
import type { Session } from "./session.js";

export function requireRequestContext(): RequestContext {
  const context = currentRequestContext();
  if (!context) {
    throw new WorkOSContextError(
      "no_session",
      "[WorkOS] No session: getSession() works only while handling a request authenticated by workosProvider() (inside a tool, prompt or resource)",
    );
  }
  return context;
}

/**
 * The caller of the current request. Throws outside an authenticated request rather than
 * returning anyone else's session.
 *
 * @example
 * const { userId, organizationId } = getSession();
 */
export function getSession(): Readonly<Session> {
  return requireRequestContext().session;
}

/**
 * The caller's WorkOS user, cached per user for a short time.
 *
 * @example
 * const user = await getUser();
 * return `Hello ${user.firstName ?? user.email}`;
 */
export function getUser(): Promise<User> {
  const context = requireRequestContext();
  return context.users(context.session.userId);
}

/**
 * The configured WorkOS SDK client. Inside a request it is the client of the provider that
 * authenticated it; elsewhere, the one of the provider created last.
 *
 * @example
 * const org = await getClient().organizations.getOrganization(getSession().organizationId!);
 */
export function getClient(): WorkOS {
  const client = currentRequestContext()?.client ?? registeredClient();
  if (!client) {
    throw new WorkOSContextError(
      "client_not_initialized",
      "[WorkOS] Client not initialized: create the provider (export default workosProvider({...}) from src/middleware.ts) before calling getClient()",
    );
  }
  return client;
}
