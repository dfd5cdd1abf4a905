import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from "jose";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function createSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
}

/**
 * A real local token issuer: RS256 keys, a JWKS and an RFC 8414 document served over HTTP on
 * port 0, with switches to take the JWKS down, slow it, or rotate keys, and a count of fetches.
 */
export class TestIssuer {
  keys: SigningKey[] = [];
  jwksFetches = 0;
  metadataFetches = 0;
  jwksMode: "up" | "down" | "slow" = "up";
  metadataMode: "up" | "down" | "wrong-issuer" = "up";
  #server: Server;
  url = "";

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<TestIssuer> {
    const server = createServer();
    const issuer = new TestIssuer(server);
    server.on("request", (req, res) => issuer.#handle(req.url ?? "/", res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    issuer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    issuer.keys.push(await createSigningKey("key-1"));
    return issuer;
  }

  #handle(path: string, res: import("node:http").ServerResponse): void {
    if (path === "/oauth2/jwks") {
      this.jwksFetches++;
      if (this.jwksMode === "down") return void res.writeHead(503).end("down");
      const body = JSON.stringify({ keys: this.keys.map((k) => k.publicJwk) });
      if (this.jwksMode === "slow") return void setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(body), 3_000).unref();
      return void res.writeHead(200, { "content-type": "application/json" }).end(body);
    }
    if (path === "/.well-known/oauth-authorization-server") {
      this.metadataFetches++;
      if (this.metadataMode === "down") return void res.writeHead(500).end();
      const issuer = this.metadataMode === "wrong-issuer" ? "https://evil.example" : this.url;
      return void res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${this.url}/oauth2/authorize`,
          token_endpoint: `${this.url}/oauth2/token`,
          registration_endpoint: `${this.url}/oauth2/register`,
          response_types_supported: ["code"],
          code_challenge_methods_supported: ["S256"],
          client_id_metadata_document_supported: true,
          marker: "from-issuer",
        }),
      );
    }
    res.writeHead(404).end();
  }

  /** Signs a token with AuthKit's claim layout; `claims` overrides or (with undefined) removes any. */
  async token(claims: Record<string, unknown> = {}, options: { key?: SigningKey; header?: Record<string, unknown> } = {}): Promise<string> {
    const key = options.key ?? this.keys[0]!;
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      iss: this.url,
      sub: "user_01TEST",
      aud: "http://127.0.0.1:3001/mcp",
      client_id: "client_01MCPHOST",
      sid: "session_01TEST",
      org_id: "org_01TEST",
      scope: "openid profile email",
      jti: `jti_${Math.random().toString(36).slice(2)}`,
      iat: now,
      exp: now + 300,
      ...claims,
    };
    for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
    return new SignJWT(payload as JWTPayload).setProtectedHeader({ alg: "RS256", kid: key.kid, ...options.header }).sign(key.privateKey);
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
