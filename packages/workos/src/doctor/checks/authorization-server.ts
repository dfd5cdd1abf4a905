import { fetchJson, isObject } from "../fetch-json.js";
import { fail, pass, skip, warn } from "../pass-fail.js";
import type { DoctorCheck, DoctorRuntime } from "../types.js";

/** AuthKit's RFC 8414 document as far as the later checks need it. */
export interface AuthKitMetadata {
  issuer: string;
  registration_endpoint?: string;
  client_id_metadata_document_supported?: boolean;
}

const SWITCHES = "WorkOS Dashboard → Connect → Configuration → MCP Auth";

/**
 * AuthKit reachable, its RFC 8414 document valid for MCP clients (issuer, endpoints, PKCE S256),
 * the two Dashboard switches MCP clients depend on, and the clock against AuthKit's `Date`.
 * AuthKit advertises client registration only in this document, not in `openid-configuration`.
 */
export async function checkAuthorizationServer(
  runtime: DoctorRuntime,
  issuer: string,
  clockToleranceSeconds: number,
): Promise<{ checks: DoctorCheck[]; metadata?: AuthKitMetadata }> {
  const url = `${issuer}/.well-known/oauth-authorization-server`;
  const fetched = await fetchJson(runtime, url);
  if ("error" in fetched) {
    return {
      checks: [
        fail("authkit.reachable", fetched.error, "Check WORKOS_AUTHKIT_DOMAIN against WorkOS Dashboard → Domains, and that this machine can reach it."),
      ],
    };
  }
  if (fetched.status !== 200 || !isObject(fetched.body)) {
    return {
      checks: [
        fail("authkit.reachable", `${url} answered HTTP ${fetched.status} without a metadata document`, "The AuthKit domain is wrong: copy it from WorkOS Dashboard → Domains."),
      ],
    };
  }
  const document = fetched.body;
  const checks: DoctorCheck[] = [pass("authkit.reachable", `AuthKit answers at ${issuer}`)];
  const problems = metadataProblems(document, issuer);
  if (problems.length > 0) {
    checks.push(fail("authkit.metadata", `AuthKit's RFC 8414 document is not usable: ${problems.join("; ")}`, "Point WORKOS_AUTHKIT_DOMAIN at the AuthKit domain itself (WorkOS Dashboard → Domains), not a proxy or an app domain."));
    return { checks };
  }
  checks.push(pass("authkit.metadata", "RFC 8414 document valid (issuer, endpoints, PKCE S256)"));
  checks.push(...registrationSwitches(document));
  checks.push(clockSkew(fetched.headers.get("date"), fetched.midpointMs, clockToleranceSeconds));
  return { checks, metadata: document as unknown as AuthKitMetadata };
}

function metadataProblems(document: Record<string, unknown>, issuer: string): string[] {
  const problems: string[] = [];
  if (document.issuer !== issuer) problems.push(`issuer is ${JSON.stringify(document.issuer)}, expected "${issuer}" (RFC 8414 §3.3)`);
  // No `jwks_uri`: AuthKit's RFC 8414 document does not carry one (see `authkitJwksUrl`).
  for (const field of ["authorization_endpoint", "token_endpoint"]) {
    if (typeof document[field] !== "string") problems.push(`${field} is missing`);
  }
  const responseTypes = document.response_types_supported;
  if (!Array.isArray(responseTypes) || !responseTypes.includes("code")) problems.push(`response_types_supported lacks "code"`);
  // MCP authorization requires PKCE with S256, and clients refuse a server that does not list it.
  const pkce = document.code_challenge_methods_supported;
  if (!Array.isArray(pkce) || !pkce.includes("S256")) problems.push(`code_challenge_methods_supported lacks "S256"`);
  return problems;
}

function registrationSwitches(document: Record<string, unknown>): DoctorCheck[] {
  const dcr = typeof document.registration_endpoint === "string";
  const cimd = document.client_id_metadata_document_supported === true;
  const neither = !dcr && !cimd;
  const off = neither ? fail : warn;
  return [
    dcr
      ? pass("authkit.dcr", "Dynamic Client Registration is on")
      : off("authkit.dcr", "Dynamic Client Registration is off: clients without a client ID metadata document (Cursor, older Claude and VS Code builds, the MCP Inspector) cannot register", `Turn on Dynamic Client Registration in ${SWITCHES}.`),
    cimd
      ? pass("authkit.cimd", "Client ID Metadata Documents are on")
      : off("authkit.cimd", "Client ID Metadata Documents are off: clients that identify themselves by a metadata URL cannot sign in", `Turn on Client ID Metadata Document in ${SWITCHES}.`),
  ];
}

function clockSkew(dateHeader: string | null, midpointMs: number, toleranceSeconds: number): DoctorCheck {
  const id = "clock.skew";
  const serverMs = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  if (Number.isNaN(serverMs)) return skip(id, "AuthKit sent no Date header; clock skew not measured", "Keep this machine's clock synchronised (NTP).");
  // `Date` has one-second resolution: up to a second of difference is the header, not the clock.
  const skewSeconds = Math.round((midpointMs - serverMs) / 1000);
  const direction = skewSeconds > 0 ? "ahead of" : "behind";
  const magnitude = Math.abs(skewSeconds);
  if (magnitude <= 1) return pass(id, "clock agrees with AuthKit's");
  const summary = `this machine's clock is ${magnitude} s ${direction} AuthKit's`;
  if (magnitude > toleranceSeconds) {
    return fail(id, `${summary}, beyond the ${toleranceSeconds} s tolerance: ${skewSeconds > 0 ? "tokens look older than they are and expire early" : "tokens may be refused as issued in the future"}`, "Synchronise this machine's clock (NTP); clockToleranceSeconds only papers over it.");
  }
  return magnitude > 5
    ? warn(id, `${summary}, within the ${toleranceSeconds} s tolerance`, "Synchronise this machine's clock (NTP) before the skew grows past the tolerance.")
    : pass(id, `${summary}, well within the ${toleranceSeconds} s tolerance`);
}
