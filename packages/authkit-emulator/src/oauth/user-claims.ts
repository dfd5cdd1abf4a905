import type { UserRecord } from "../store/types.js";
import { hasScope } from "./scopes.js";

/**
 * The user's claims a grant's scope releases, shared by the ID token and `/oauth2/userinfo` as
 * AuthKit's references list them: `profile` adds `name`, `given_name`, `family_name` (when set);
 * `email` adds `email` and `email_verified`.
 *
 * @example
 * const claims = scopedUserClaims(user, "openid email"); // { email, email_verified }
 */
export function scopedUserClaims(user: UserRecord, scope: string): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  if (hasScope(scope, "profile")) {
    const name = user.name ?? [user.first_name, user.last_name].filter(Boolean).join(" ");
    if (name) claims.name = name;
    if (user.first_name) claims.given_name = user.first_name;
    if (user.last_name) claims.family_name = user.last_name;
  }
  if (hasScope(scope, "email")) {
    claims.email = user.email;
    claims.email_verified = user.email_verified;
  }
  return claims;
}
