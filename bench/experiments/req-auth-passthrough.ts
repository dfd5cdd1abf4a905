// `npm run bench:processes -- --against bench/experiments/req-auth-passthrough.ts`
// One part of auth-context-passthrough.ts alone: `req.auth` set (xmcp hands it to the MCP
// transport as `authInfo`, and tools get it as `extra.authInfo`), the rest of the request run in
// the same tick. No AsyncLocalStorage, no microtask, no provider.
const auth = { token: "bench", clientId: "bench", scopes: ["openid"], extra: { userId: "user_bench" } };

export default function reqAuthPassThrough(req: { auth?: unknown }, _res: unknown, next: () => void) {
  req.auth = auth;
  next();
}
