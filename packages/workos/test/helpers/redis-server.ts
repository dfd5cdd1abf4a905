import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { createStorage, type Storage } from "unstorage";
import redisDriver from "unstorage/drivers/redis";

/**
 * A real Redis (Debian's `redis-server`, installed by `.ci/run`) on 127.0.0.1 and a free port,
 * in memory only, for the shared-cache tests. `storage()` hands out the unstorage Storage an
 * application would pass as `cache.store`; `client` reads what was written.
 *
 * @example
 * const redis = await RedisServer.start();
 * workosProvider({ ..., cache: { store: redis.storage() } });
 */
export class RedisServer {
  readonly port: number;
  readonly url: string;
  /** For assertions: reads keys, values and TTLs directly. */
  readonly client: Redis;
  #process: ChildProcess | undefined;
  readonly #storages: Storage[] = [];

  private constructor(port: number) {
    this.port = port;
    this.url = `redis://127.0.0.1:${port}`;
    this.client = new Redis(port, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 1 });
    this.client.on("error", () => {});
  }

  static async start(port?: number): Promise<RedisServer> {
    const server = new RedisServer(port ?? (await freePort()));
    await server.restart();
    await server.client.connect();
    return server;
  }

  /** A Storage with its own connection and the driver's defaults, as each instance of a fleet has. */
  storage(): Storage {
    const driver = redisDriver({ url: this.url });
    // ioredis prints connection errors nobody listens to; the outage tests cause them on purpose.
    (driver.getInstance!() as Redis).on("error", () => {});
    const storage = createStorage({ driver });
    this.#storages.push(storage);
    return storage;
  }

  /** Start the server process (again, after `kill()`), on the same port. */
  async restart(): Promise<void> {
    const child = spawn(
      "redis-server",
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.#process = child;
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const ready = new Promise<void>((resolve, reject) => {
      const check = setInterval(() => {
        if (output.includes("Ready to accept connections")) {
          clearInterval(check);
          resolve();
        }
      }, 20);
      child.once("error", (error) => {
        clearInterval(check);
        reject(new Error(`redis-server could not start (install it: apt-get install redis-server): ${error.message}`));
      });
      child.once("exit", (code) => {
        clearInterval(check);
        reject(new Error(`redis-server exited with ${code}:\n${output}`));
      });
    });
    await ready;
  }

  /** Stop the server process: an outage for every Storage pointing at it. */
  async kill(): Promise<void> {
    const child = this.#process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGKILL");
    await once(child, "exit");
  }

  async stop(): Promise<void> {
    await Promise.all(this.#storages.splice(0).map((storage) => storage.dispose()));
    this.client.disconnect();
    await this.kill();
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
