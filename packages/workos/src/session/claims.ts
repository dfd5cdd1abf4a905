/**
 * Claims of an AuthKit MCP access token. `role`, `roles`, `permissions`, `entitlements` and
 * `feature_flags` appear only when a JWT template in the WorkOS dashboard adds them.
 */
export interface JWTClaims {
  iss: string;
  sub: string;
  aud?: string | string[];
  exp: number;
  iat?: number;
  nbf?: number;
  jti?: string;
  sid?: string;
  org_id?: string;
  client_id?: string;
  azp?: string;
  scope?: string;
  role?: string;
  roles?: string[];
  permissions?: string[];
  entitlements?: string[];
  feature_flags?: string[];
  /** RFC 8693 actor: present while an admin impersonates the user. */
  act?: { sub?: string; [key: string]: unknown };
  [claim: string]: unknown;
}
