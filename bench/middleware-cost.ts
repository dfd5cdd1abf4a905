import { workosProvider } from "../packages/workos/dist/index.js";

export interface MiddlewareCosts {
  /** µs per request through the provider's Express middleware with one token repeated (cache hit). */
  hitMicros: number;
  /** µs per request with a new token each time (cache miss: RS256 verification). */
  missMicros: number;
}

/**
 * The plugin's per-request work alone, without xmcp, HTTP or other processes: the provider's
 * middleware called in a loop with the request fields it reads. Steadier than any throughput
 * difference on a shared machine, it says what the plugin itself adds to each request.
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
      const req = { url: "/mcp", method: "POST", headersDistinct: { authorization: [`Bearer ${token}`] } };
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
  const time = async (tokens: readonly string[]) => {
    const start = process.hrtime.bigint();
    for (const token of tokens) await call(token);
    return Number(process.hrtime.bigint() - start) / 1000 / tokens.length;
  };

  await time(options.distinct.slice(0, 200)); // JWKS fetch and JIT warm-up
  const missMicros = await time(options.distinct.slice(200, 1200));
  const hitMicros = await time(Array.from({ length: 5000 }, () => options.repeated));
  return { hitMicros, missMicros };
}
