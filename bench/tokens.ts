import { decodeJwt } from "jose";
import type { RunningEmulator } from "../packages/authkit-emulator/dist/index.js";
import { connectWithSignIn } from "../e2e/helpers/mcp-client.js";

/**
 * Real access tokens: for each account, the official MCP client meets the 401, discovers the
 * emulator, registers, and the user signs in through the emulator's HTML forms.
 */
export async function signInUsers(mcpURL: string, users: readonly { email: string; organization?: string }[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const who of users) {
    const { provider, close } = await connectWithSignIn(mcpURL, who);
    await close();
    const token = provider.savedTokens?.access_token;
    if (!token) throw new Error(`bench: signing in ${who.email} produced no access token`);
    tokens.set(who.email, token);
  }
  return tokens;
}

/**
 * `count` distinct tokens through the emulator's test-token kit (`emulator.issueAccessToken`):
 * round-robin over the real `templates`, each new token for the same user, organization, scopes
 * and audience as its template, with its own session and `jti`, signed by the emulator as any
 * token is. The OAuth flow would take minutes for thousands; the kit issues the same tokens.
 */
export async function mintDistinctTokens(emulator: RunningEmulator, templates: readonly string[], count: number): Promise<string[]> {
  const requests = templates.map((template) => {
    const claims = decodeJwt(template);
    return {
      user: String(claims.sub),
      ...(typeof claims.org_id === "string" ? { organization: claims.org_id } : {}),
      ...(typeof claims.scope === "string" ? { scopes: claims.scope.split(" ").filter(Boolean) } : {}),
      // A token bound to a resource indicator has it as `aud`; otherwise `aud` is the client id.
      ...(claims.aud !== emulator.clientId && typeof claims.aud === "string" ? { resource: claims.aud } : {}),
    };
  });
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) tokens.push((await emulator.issueAccessToken(requests[i % requests.length]!)).accessToken);
  return tokens;
}
