import { decodeJwt } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createHostedLogin } from "../src/login/index.js";
import { createOAuthRouter } from "../src/oauth/index.js";
import { shapeProblems, type Shape } from "./conformance/check-shape.js";
import { declaredRoutes } from "./conformance/declared-routes.js";
import * as wire from "./conformance/oauth-shapes.js";
import { LoginUserAgent } from "./helpers/login-user-agent.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, postForm, registerClient } from "./helpers/oauth-client.js";
import { signInWithPassword } from "./helpers/sign-in.js";

/**
 * The raw JSON of every OAuth route against the RFC and AuthKit shapes of
 * `conformance/oauth-shapes.ts`: field names, types, required vs optional; every extra field fails.
 */

const REDIRECT_URI = "http://127.0.0.1:33419/callback";
const emu = useOAuthTestEmulator();

/** Tokens from one real sign-in (public DCR client, PKCE), read by the cases. */
const made: { clientId: string; accessToken: string; refreshToken: string; tokenResponse: Record<string, unknown>; application: Record<string, string> } = {
  clientId: "",
  application: {},
  accessToken: "",
  refreshToken: "",
  tokenResponse: {},
};

beforeAll(async () => {
  const as = await discover(emu.issuer);
  const client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] });
  const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
  const callback = await signInWithPassword(new LoginUserAgent(emu.issuer), pkce.url, "alice@acme.test");
  const { status, body } = await postForm(`${emu.issuer}/oauth2/token`, {
    grant_type: "authorization_code",
    code: callback.searchParams.get("code")!,
    redirect_uri: REDIRECT_URI,
    code_verifier: pkce.verifier,
    client_id: client.client_id,
  });
  expect(status).toBe(200);
  Object.assign(made, { clientId: client.client_id, accessToken: body.access_token, refreshToken: body.refresh_token, tokenResponse: body });
  // The confidential application AuthKit's introspection reference authenticates (id and secret in the body).
  const application = await registerClient(as, { redirect_uris: ["https://resource-server.example/cb"], token_endpoint_auth_method: "client_secret_post" });
  made.application = { client_id: application.client_id, client_secret: String(application.client_secret) };
});

interface Answer {
  status: number;
  text: string;
  json: unknown;
}

interface Case {
  /** The route as Express declares it, e.g. `POST /oauth2/token`. */
  route: string;
  /** What the case shows, when a route has several. */
  what: string;
  status: number;
  /** Omitted for answers with an empty body. */
  shape?: Shape;
  send: () => Promise<Answer>;
}

async function call(path: string, init: { method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | URLSearchParams | undefined;
  if (init.form) body = new URLSearchParams(init.form);
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers["content-type"] = "application/json";
  }
  const res = await fetch(`${emu.issuer}${path}`, { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body });
  const text = await res.text();
  return { status: res.status, text, json: text === "" ? undefined : JSON.parse(text) };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const CASES: Case[] = [
  { route: "GET /.well-known/oauth-authorization-server", what: "RFC 8414 metadata", status: 200, shape: wire.AUTHORIZATION_SERVER_METADATA, send: () => call("/.well-known/oauth-authorization-server") },
  { route: "GET /.well-known/openid-configuration", what: "OIDC Discovery", status: 200, shape: wire.OPENID_CONFIGURATION, send: () => call("/.well-known/openid-configuration") },
  { route: "GET /oauth2/jwks", what: "JWK Set", status: 200, shape: wire.JWKS, send: () => call("/oauth2/jwks") },
  { route: "GET /sso/jwks/:clientId", what: "JWK Set", status: 200, shape: wire.JWKS, send: () => call(`/sso/jwks/${emu.emulator.clientId}`) },
  { route: "GET /sso/jwks/:clientId", what: "unknown client", status: 404, shape: wire.CLIENT_NOT_FOUND, send: () => call("/sso/jwks/client_01UNKNOWN") },
  {
    route: "POST /oauth2/register",
    what: "public client",
    status: 201,
    shape: wire.CLIENT_INFORMATION,
    send: () => call("/oauth2/register", { json: { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none", client_name: "Shape" } }),
  },
  {
    route: "POST /oauth2/register",
    what: "confidential client",
    status: 201,
    shape: wire.CLIENT_INFORMATION,
    send: () => call("/oauth2/register", { json: { redirect_uris: [REDIRECT_URI], client_uri: "https://shape.example", scope: "openid" } }),
  },
  {
    route: "POST /oauth2/register",
    what: "refused redirect URI (RFC 7591 §3.2.2)",
    status: 400,
    shape: wire.oauthError("invalid_redirect_uri"),
    send: () => call("/oauth2/register", { json: { redirect_uris: [] } }),
  },
  {
    route: "POST /oauth2/token",
    what: "refresh_token grant",
    status: 200,
    shape: wire.TOKEN_RESPONSE,
    send: async () => {
      const answer = await call("/oauth2/token", { form: { grant_type: "refresh_token", refresh_token: made.refreshToken, client_id: made.clientId } });
      made.refreshToken = (answer.json as { refresh_token: string }).refresh_token;
      return answer;
    },
  },
  {
    route: "POST /oauth2/token",
    what: "unknown code (RFC 6749 §5.2)",
    status: 400,
    shape: wire.oauthError("invalid_grant"),
    send: () => call("/oauth2/token", { form: { grant_type: "authorization_code", code: "nope", redirect_uri: REDIRECT_URI, code_verifier: "x".repeat(43), client_id: made.clientId } }),
  },
  {
    route: "POST /oauth2/token",
    what: "unsupported grant (RFC 6749 §5.2)",
    status: 400,
    shape: wire.oauthError("unsupported_grant_type"),
    send: () => call("/oauth2/token", { form: { grant_type: "password", client_id: made.clientId } }),
  },
  { route: "GET /oauth2/userinfo", what: "claims", status: 200, shape: wire.USERINFO, send: () => call("/oauth2/userinfo", { headers: bearer(made.accessToken) }) },
  { route: "POST /oauth2/userinfo", what: "claims", status: 200, shape: wire.USERINFO, send: () => call("/oauth2/userinfo", { method: "POST", headers: bearer(made.accessToken) }) },
  {
    route: "GET /oauth2/userinfo",
    what: "bad token (RFC 6750 §3.1)",
    status: 401,
    shape: wire.oauthError("invalid_token"),
    send: () => call("/oauth2/userinfo", { headers: bearer("not-a-token") }),
  },
  {
    route: "POST /oauth2/introspection",
    what: "active access token",
    status: 200,
    shape: wire.ACTIVE_ACCESS_TOKEN,
    send: () => call("/oauth2/introspection", { form: { token: made.accessToken, ...made.application } }),
  },
  {
    route: "POST /oauth2/introspection",
    what: "active refresh token",
    status: 200,
    shape: wire.ACTIVE_REFRESH_TOKEN,
    send: () => call("/oauth2/introspection", { form: { token: made.refreshToken, ...made.application } }),
  },
  {
    route: "POST /oauth2/introspection",
    what: "inactive token",
    status: 200,
    shape: wire.INACTIVE_TOKEN,
    send: () => call("/oauth2/introspection", { form: { token: "not-a-token", ...made.application } }),
  },
  {
    route: "POST /oauth2/introspection",
    what: "unauthorized caller (RFC 7662 §2.3)",
    status: 401,
    shape: wire.oauthError("invalid_client"),
    send: () => call("/oauth2/introspection", { form: { token: made.accessToken, client_id: made.application.client_id!, client_secret: "wrong" } }),
  },
  {
    route: "POST /oauth2/introspection",
    what: "the API key as a Bearer credential (AuthKit takes the application's id and secret in the body)",
    status: 401,
    shape: wire.oauthError("invalid_client"),
    send: () => call("/oauth2/introspection", { form: { token: made.accessToken }, headers: bearer(emu.emulator.apiKey) }),
  },
];

/**
 * Routes that answer with HTML or a redirect, not JSON: the authorization endpoint (RFC 6749 §4.1.1,
 * errors go back to the redirect URI or onto a page) and the hosted login's forms.
 */
const notJson = (route: string) => route === "GET /oauth2/authorize" || /^(GET|POST) \/login(\/|$)/.test(route);

describe("raw JSON of every OAuth route against the RFCs and AuthKit's references", () => {
  it("every JSON route the OAuth router serves has a case here", () => {
    const declared = declaredRoutes(createOAuthRouter(emu.emulator.context, createHostedLogin));
    expect(declared).toContain("GET /oauth2/authorize");
    expect([...new Set(CASES.map((c) => c.route))].sort()).toEqual(declared.filter((route) => !notJson(route)).sort());
  });

  it("POST /oauth2/token: authorization_code grant (RFC 6749 §5.1)", () => {
    expect(shapeProblems(made.tokenResponse, wire.TOKEN_RESPONSE)).toEqual([]);
    // AuthKit's authorize reference: `openid` adds the ID token, `offline_access` the refresh token;
    // `scope` only when the client asked for none (RFC 6749 §5.1), and this one named it.
    expect(Object.keys(made.tokenResponse).sort()).toEqual(["access_token", "expires_in", "id_token", "refresh_token", "token_type"]);
  });

  it("the access and ID tokens of that response carry the documented claims", () => {
    expect(shapeProblems(decodeJwt(made.tokenResponse.access_token as string), wire.ACCESS_TOKEN_CLAIMS)).toEqual([]);
    expect(shapeProblems(decodeJwt(made.tokenResponse.id_token as string), wire.ID_TOKEN_CLAIMS)).toEqual([]);
  });

  for (const testCase of CASES) {
    it(`${testCase.route}: ${testCase.what}`, async () => {
      const { status, json, text } = await testCase.send();
      expect(status, text).toBe(testCase.status);
      if (testCase.shape === undefined) expect(text).toBe("");
      else expect(shapeProblems(json, testCase.shape)).toEqual([]);
    });
  }
});

describe("what only one discovery document carries", () => {
  it("registration_endpoint and client_id_metadata_document_supported are in RFC 8414 metadata, not in openid-configuration", async () => {
    const environment = emu.emulator.state.environment;
    expect([environment.dynamic_client_registration, environment.client_id_metadata_document]).toEqual([true, true]);
    const metadata = (await call("/.well-known/oauth-authorization-server")).json as Record<string, unknown>;
    expect(metadata.registration_endpoint).toBe(`${emu.issuer}/oauth2/register`);
    expect(metadata.client_id_metadata_document_supported).toBe(true);
    const openid = (await call("/.well-known/openid-configuration")).json as Record<string, unknown>;
    expect(openid).not.toHaveProperty("registration_endpoint");
    expect(openid).not.toHaveProperty("client_id_metadata_document_supported");
  });

  it("a confidential registration carries client_secret_expires_at (RFC 7591 §3.2.1), a public one no secret", async () => {
    const confidential = (await call("/oauth2/register", { json: { redirect_uris: [REDIRECT_URI] } })).json as Record<string, unknown>;
    expect(confidential.client_secret).toBeTypeOf("string");
    expect(confidential.client_secret_expires_at).toBe(0);
    const publicClient = (await call("/oauth2/register", { json: { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" } })).json as Record<string, unknown>;
    expect(publicClient).not.toHaveProperty("client_secret");
    expect(publicClient).not.toHaveProperty("client_secret_expires_at");
  });
});
