// `npm run bench:processes -- --against bench/experiments/auth-context-passthrough.ts`
// What an authenticated request costs xmcp and Node beyond the plugin's own code: no provider,
// no token, no verification; only what the provider does around a request once it has a
// session: `req.auth` set (xmcp hands it to tools as `extra.authInfo`), the rest of the request
// run one microtask later (the provider's check is asynchronous) inside an AsyncLocalStorage
// that holds a store (the session).
import { AsyncLocalStorage } from "node:async_hooks";

const storage = new AsyncLocalStorage<object>();
const session = { userId: "user_bench" };
const auth = { token: "bench", clientId: "bench", scopes: ["openid"], extra: { userId: "user_bench" } };

export default function authContextPassThrough(req: { auth?: unknown }, _res: unknown, next: () => void) {
  req.auth = auth;
  void Promise.resolve().then(() => storage.run(session, () => next()));
}
