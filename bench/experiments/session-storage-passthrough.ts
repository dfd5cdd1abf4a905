// `npm run bench:processes -- --against bench/experiments/session-storage-passthrough.ts`
// One part of auth-context-passthrough.ts alone: the rest of the request runs inside an
// AsyncLocalStorage that holds a store, as the provider runs it inside the caller's session.
// No `req.auth`, no microtask.
import { AsyncLocalStorage } from "node:async_hooks";

const storage = new AsyncLocalStorage<object>();
const session = { userId: "user_bench" };

export default function sessionStoragePassThrough(_req: unknown, _res: unknown, next: () => void) {
  storage.run(session, () => next());
}
