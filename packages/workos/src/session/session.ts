import type { JWTClaims } from "./claims.js";

/** The authenticated caller of the current request, read in tools with `getSession()`. */
export interface Session {
  userId: string;
  sessionId?: string;
  organizationId?: string;
  role?: string;
  roles?: readonly string[];
  permissions?: readonly string[];
  entitlements?: readonly string[];
  featureFlags?: readonly string[];
  scopes: readonly string[];
  clientId?: string;
  /** The token's `jti`. */
  tokenId?: string;
  /** `act.sub`: the WorkOS admin impersonating this user, if any. */
  impersonator?: string;
  /** When the token expires (its `exp`). Each read gives a fresh `Date`: sessions are shared by cached tokens. */
  readonly expiresAt: Date;
  /** The token's `exp`, in seconds since the epoch. */
  expiresAtSeconds: number;
  /** When the token was issued (its `iat`), if it says. */
  readonly issuedAt?: Date;
  /** The token's `iat`, in seconds since the epoch. */
  issuedAtSeconds?: number;
  claims: Readonly<JWTClaims>;
}

/**
 * Builds the session once per verified token. Cached sessions are shared by every request with
 * that token, and the cache re-checks `scopes` and `claims.aud` on each hit, so the session is
 * frozen all the way down: a tool cannot grant the next request a scope or an audience. It takes
 * `claims` over and freezes them where they are (a verified token's payload is a fresh object):
 * a caller holding objects it still uses passes a copy.
 */
export function sessionFromClaims(claims: JWTClaims): Readonly<Session> {
  const session = {
    userId: claims.sub,
    scopes: Object.freeze(typeof claims.scope === "string" ? claims.scope.split(" ").filter(Boolean) : []),
    expiresAtSeconds: claims.exp,
    claims: deepFreeze(claims),
  } as Session;
  defineDate(session, "expiresAt", claims.exp);
  assignString(session, "sessionId", claims.sid);
  assignString(session, "organizationId", claims.org_id);
  assignString(session, "role", claims.role);
  assignString(session, "clientId", claims.client_id ?? claims.azp);
  assignString(session, "tokenId", claims.jti);
  assignString(session, "impersonator", claims.act?.sub);
  assignList(session, "roles", claims.roles);
  assignList(session, "permissions", claims.permissions);
  assignList(session, "entitlements", claims.entitlements);
  assignList(session, "featureFlags", claims.feature_flags);
  if (typeof claims.iat === "number") {
    session.issuedAtSeconds = claims.iat;
    defineDate(session, "issuedAt", claims.iat);
  }
  return Object.freeze(session);
}

type StringKeys = "sessionId" | "organizationId" | "role" | "clientId" | "tokenId" | "impersonator";
type ListKeys = "roles" | "permissions" | "entitlements" | "featureFlags";

function assignString(session: Session, key: StringKeys, value: unknown): void {
  if (typeof value === "string" && value !== "") session[key] = value;
}

function assignList(session: Session, key: ListKeys, value: unknown): void {
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) session[key] = Object.freeze([...value]);
}

/** `value` (a JSON value: a token's claims) with every object and array in it frozen. */
function deepFreeze<T>(value: T): Readonly<T> {
  // The object before its children, and a frozen one left alone: a cycle ends where it began.
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** An enumerable getter, so a tool that mutates its `Date` cannot change what the next request reads. */
function defineDate(session: Session, key: "expiresAt" | "issuedAt", seconds: number): void {
  Object.defineProperty(session, key, { enumerable: true, get: () => new Date(seconds * 1000) });
}
