// `npm run bench:processes -- --against bench/experiments/auth-info-passthrough.ts`
// One part of auth-context-passthrough.ts alone: `req.auth` set, which xmcp hands to tools as
// `extra.authInfo`. No AsyncLocalStorage, no microtask.
const auth = { token: "bench", clientId: "bench", scopes: ["openid"], extra: { userId: "user_bench" } };

export default function authInfoPassThrough(req: { auth?: unknown }, _res: unknown, next: () => void) {
  req.auth = auth;
  next();
}
