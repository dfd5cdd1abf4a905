import { importJWK, SignJWT, decodeJwt, decodeProtectedHeader, type JWTPayload } from "jose";
import { connectWithSignIn } from "../examples/workos-http/test/helpers/mcp-client.js";

/** What the emulator keeps per signing key (`state.keys`); only the fields the bench reads. */
interface SigningKeyRecord {
  kid: string;
  privateJwk: Record<string, unknown>;
}

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
 * `count` distinct tokens, each a copy of one of the real `templates` (round-robin, so the users
 * and their claims are real) with its own `jti`, signed with the very key that signed the template,
 * read from the emulator's state. Signing thousands through the OAuth flow would take minutes;
 * these differ from minted ones only in `jti` and `iat`.
 */
export async function mintDistinctTokens(templates: readonly string[], keys: readonly SigningKeyRecord[], count: number): Promise<string[]> {
  const signers = await Promise.all(
    templates.map(async (template) => {
      const header = decodeProtectedHeader(template);
      const record = keys.find((key) => key.kid === header.kid);
      if (!record) throw new Error(`bench: no signing key ${String(header.kid)} in the emulator state`);
      return { header, payload: decodeJwt(template), key: await importJWK(record.privateJwk, "RS256") };
    }),
  );
  const now = Math.floor(Date.now() / 1000);
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const { header, payload, key } = signers[i % signers.length]!;
    const claims: JWTPayload = { ...payload, jti: `jti_bench_${i.toString(36).padStart(6, "0")}`, iat: Math.min(now, payload.iat ?? now) };
    tokens.push(await new SignJWT(claims).setProtectedHeader({ ...header, alg: "RS256" }).sign(key));
  }
  return tokens;
}
