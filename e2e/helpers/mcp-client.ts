import {
  Client,
  StreamableHTTPClientTransport,
  UnauthorizedError,
  type OAuthClientProvider,
  type OAuthClientMetadata,
  type OAuthDiscoveryState,
  type StoredOAuthClientInformation,
  type StoredOAuthTokens,
} from "@modelcontextprotocol/client";
// The emulator's own test user agent: one implementation of "a person at the login page".
import { signInAs, type SignInAs } from "../../packages/authkit-emulator/test/helpers/sign-in.js";

/**
 * What an MCP host keeps between runs (registered client, tokens, PKCE verifier), held in memory.
 * `redirectToAuthorization` records the URL instead of opening a browser: the test then plays
 * the user at that URL.
 */
export class InMemoryOAuthProvider implements OAuthClientProvider {
  authorizationURL: URL | undefined;
  savedTokens: StoredOAuthTokens | undefined;
  registered: StoredOAuthClientInformation | undefined;
  tokenSaves = 0;
  #verifier = "";
  #discovery: OAuthDiscoveryState | undefined;

  constructor(
    readonly redirectURI: string,
    readonly clientMetadataUrl?: string,
  ) {}

  get redirectUrl(): string {
    return this.redirectURI;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: "xmcp-workos e2e client",
      redirect_uris: [this.redirectURI],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }

  clientInformation() {
    return this.registered;
  }
  saveClientInformation(info: StoredOAuthClientInformation) {
    this.registered = info;
  }
  tokens() {
    return this.savedTokens;
  }
  saveTokens(tokens: StoredOAuthTokens) {
    this.savedTokens = tokens;
    this.tokenSaves++;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationURL = url;
  }
  saveCodeVerifier(verifier: string) {
    this.#verifier = verifier;
  }
  codeVerifier() {
    return this.#verifier;
  }
  saveDiscoveryState(state: OAuthDiscoveryState) {
    this.#discovery = state;
  }
  discoveryState() {
    return this.#discovery;
  }
}

export const REDIRECT_URI = "http://127.0.0.1:53682/callback";

/**
 * Connects the official MCP client the way a host does: the first attempt meets the 401
 * challenge and runs discovery, registration and the authorization request; the user signs in;
 * the code is exchanged; a second connection carries the token.
 */
export async function connectWithSignIn(
  mcpURL: string,
  who: SignInAs,
  provider = new InMemoryOAuthProvider(REDIRECT_URI),
): Promise<{ client: Client; provider: InMemoryOAuthProvider; close(): Promise<void> }> {
  const first = new StreamableHTTPClientTransport(new URL(mcpURL), { authProvider: provider });
  const probe = new Client({ name: "xmcp-workos-e2e", version: "1.0.0" });
  await expectUnauthorized(probe.connect(first));
  if (!provider.authorizationURL) throw new Error("the client never asked for authorization");

  const callback = await signInAs(provider.authorizationURL, who);
  if (callback.searchParams.get("error")) {
    throw new Error(`authorization failed: ${callback.searchParams.get("error")} ${callback.searchParams.get("error_description")}`);
  }
  await first.finishAuth(callback.searchParams);

  const client = new Client({ name: "xmcp-workos-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(mcpURL), { authProvider: provider }));
  return { client, provider, close: () => client.close() };
}

async function expectUnauthorized(attempt: Promise<unknown>): Promise<void> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof UnauthorizedError) return;
    throw error;
  }
  throw new Error("expected the unauthenticated connection to be refused");
}

/** The text of a tool result, and whether the server marked it as an error. */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = await client.callTool({ name, arguments: args });
  const content = (result.content ?? []) as { type: string; text?: string }[];
  return { isError: result.isError === true, text: content.map((c) => c.text ?? "").join("") };
}
