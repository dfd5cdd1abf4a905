import { workosProvider } from "../packages/workos/dist/index.js";

export interface MiddlewareCosts {
  /** CPU µs (every thread of this process) per request through the middleware, one token repeated: cache hits. */
  hitMicros: number;
  /** The same with a new token each time, the cache full and evicting: cache misses, each a full verification. */
  missMicros: number;
}

/**
 * The plugin's per-request work alone, without xmcp, HTTP or other processes: the provider's
 * middleware called with the request fields it reads, 20 requests in flight as in the load test.
 * It counts what it claims: CPU time of every thread (process.cpuUsage, so work handed to the
 * thread pool and GC threads counts too, not just wall time of the caller), and the provider's
 * own stats() must show exactly the hits or misses the figure is labelled with. Misses are
 * measured after a full pass over `distinct`, so the cache is full and evicts on every insert,
 * as in the server.
 */
export async function measureMiddleware(options: {
  issuer: string;
  baseURL: string;
  apiKey: string;
  clientId: string;
  repeated: string;
  distinct: readonly string[];
}): Promise<MiddlewareCosts> {
  const middleware = workosProvider({
    apiKey: options.apiKey,
    clientId: options.clientId,
    baseURL: options.baseURL,
    authkitDomain: options.issuer,
    apiURL: options.issuer,
  });
  const call = (token: string) =>
    new Promise<void>((resolve, reject) => {
      const req = { url: "/mcp", method: "POST", headers: {}, rawHeaders: ["Authorization", `Bearer ${token}`] };
      const res = {
        statusCode: 200,
        getHeader: () => undefined,
        setHeader: () => res,
        end: () => reject(new Error("bench: the middleware refused a valid token")),
      };
      (middleware as unknown as (q: unknown, s: unknown, n: (e?: unknown) => void) => void)(req, res, (error) =>
        error ? reject(error) : resolve(),
      );
    });
  let cursor = 0;
  const nextDistinct = () => options.distinct[cursor++ % options.distinct.length]!;
  const run = async (count: number, pick: () => string) => {
    let left = count;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (left-- > 0) await call(pick());
      }),
    );
  };
  const cpuPerCall = async (count: number, pick: () => string, expect: "hits" | "misses") => {
    const before = middleware.stats().tokenCache;
    const cpu = process.cpuUsage();
    await run(count, pick);
    const used = process.cpuUsage(cpu);
    const after = middleware.stats().tokenCache;
    const counted = { hits: after.hits - before.hits, misses: after.misses - before.misses };
    const wanted = expect === "hits" ? { hits: count, misses: 0 } : { hits: 0, misses: count };
    if (counted.hits !== wanted.hits || counted.misses !== wanted.misses) {
      throw new Error(`bench: the middleware measurement wanted ${JSON.stringify(wanted)} but the provider counted ${JSON.stringify(counted)}`);
    }
    return (used.user + used.system) / count;
  };

  await run(options.distinct.length, nextDistinct); // JWKS fetch, JIT warm-up, and a full cache
  await run(2_000, () => options.repeated);
  const missMicros = await cpuPerCall(4_000, nextDistinct, "misses");
  const hitMicros = await cpuPerCall(10_000, () => options.repeated, "hits");
  return { hitMicros, missMicros };
}
