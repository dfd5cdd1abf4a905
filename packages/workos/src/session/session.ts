import type { JWTClaims } from "./claims.js";

/** The authenticated caller of the current request, read in tools with `getSession()`. */
export interface Session {
  userId: string;
  sessionId?: string;
  organizationId?: string;
  role?: string;
  roles?: string[];
  permissions?: string[];
  entitlements?: string[];
  featureFlags?: string[];
  scopes: string[];
  clientId?: string;
  /** The token's `jti`. */
  tokenId?: string;
  /** `act.sub`: the WorkOS admin impersonating this user, if any. */
  impersonator?: string;
  /** Seconds since the epoch. */
  expiresAt: number;
  issuedAt?: number;
  claims: Readonly<JWTClaims>;
}

/** Builds the session once per verified token; the result is frozen because cached sessions are shared. */
export function sessionFromClaims(claims: JWTClaims): Readonly<Session> {
  const session: Session = {
    userId: claims.sub,
    scopes: typeof claims.scope === "string" ? claims.scope.split(" ").filter(Boolean) : [],
    expiresAt: claims.exp,
    claims: Object.freeze({ ...claims }),
  };
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
  if (typeof claims.iat === "number") session.issuedAt = claims.iat;
  return Object.freeze(session);
}

type StringKeys = "sessionId" | "organizationId" | "role" | "clientId" | "tokenId" | "impersonator";
type ListKeys = "roles" | "permissions" | "entitlements" | "featureFlags";

function assignString(session: Session, key: StringKeys, value: unknown): void {
  if (typeof value === "string" && value !== "") session[key] = value;
}

function assignList(session: Session, key: ListKeys, value: unknown): void {
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) session[key] = Object.freeze([...value]) as string[];
}
