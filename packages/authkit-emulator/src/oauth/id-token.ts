import { createHash } from "node:crypto";
import { SignJWT } from "jose";
import type { EmulatorContext } from "../context.js";
import { ensureSigningKey, importSigningKey } from "../keys/index.js";
import { findUser } from "../store/users.js";
import { scopedUserClaims } from "./user-claims.js";

export interface IdTokenSubject {
  userId: string;
  /** The OAuth client the token is for: the ID token's `aud` (OIDC Core §2). */
  clientId: string;
  scope: string;
  /** From the authorization request; absent on refresh (OIDC Core §12.2). */
  nonce: string | undefined;
  accessToken: string;
}

/** OIDC Core §3.1.3.6: base64url of the left half of the SHA-256 of the access token's ASCII. */
function accessTokenHash(accessToken: string): string {
  const digest = createHash("sha256").update(accessToken, "ascii").digest();
  return digest.subarray(0, digest.length / 2).toString("base64url");
}

/**
 * Mints the ID token AuthKit returns for the `openid` scope: `iss sub aud exp iat`, the `profile`
 * claims (`name`, `given_name`, `family_name`) and the `email` claims (`email`, `email_verified`)
 * when those scopes were granted, as AuthKit's ID token reference lists them, plus `nonce` when the
 * client sent one and `at_hash` (OIDC Core §3.1.3.6). Signed like access tokens, so it verifies
 * against `/oauth2/jwks`. Undefined when the user no longer exists.
 *
 * @example
 * const idToken = await mintIdToken(ctx, { userId, clientId, scope, nonce, accessToken });
 */
export async function mintIdToken(ctx: EmulatorContext, subject: IdTokenSubject): Promise<string | undefined> {
  const user = findUser(ctx, subject.userId);
  if (user === undefined) return undefined;
  const claims: Record<string, unknown> = { ...scopedUserClaims(user, subject.scope), at_hash: accessTokenHash(subject.accessToken) };
  if (subject.nonce !== undefined) claims.nonce = subject.nonce;
  const key = await ensureSigningKey(ctx);
  const now = ctx.now();
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
    .setIssuer(ctx.issuer)
    .setSubject(user.id)
    .setAudience(subject.clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + ctx.accessTokenTtl)
    .sign(await importSigningKey(key));
}
