import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { createHash, KeyObject, verify } from "node:crypto";

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  os: string;
}

export function describeMachine(): Machine {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() it is
  }
  return { cpu, cores: machineCores(), node: process.version, os: `${os.type()} ${os.release()} ${os.arch()}` };
}

/** Load average over the last minute: other work on a shared machine shows up here. */
export function loadAverage(): number {
  return Number(os.loadavg()[0]!.toFixed(2));
}

export interface PrimitiveCosts {
  /** CPU µs of jose's `jwtVerify` of an RS256 access token against a local key set: WebCrypto, the web entry point's path. */
  verifyMicros: number;
  /** CPU µs of Node's synchronous `crypto.verify` of the same signature with the key jose imported: the Node verifier's RSA check. */
  nodeVerifyMicros: number;
  /** SHA-256 of the token (the cache key, what a cache hit costs besides a Map lookup). */
  hashMicros: number;
}

/**
 * The two operations that separate a cache hit from a miss, timed in this process so the notes
 * can say how much of a throughput gap they explain.
 */
export async function measurePrimitives(tokens: readonly string[], publicJwks: Record<string, unknown>[]): Promise<PrimitiveCosts> {
  const keys = createLocalJWKSet({ keys: publicJwks as never[] });
  const sample = tokens.slice(0, 500);
  const { kid } = decodeProtectedHeader(sample[0]!);
  if (!publicJwks.some((key) => key.kid === kid)) throw new Error("bench: the minted tokens' key is not in the published set");
  for (const token of sample.slice(0, 50)) await jwtVerify(token, keys, { algorithms: ["RS256"] });
  // CPU time of every thread: WebCrypto's RSA check runs on the thread pool, not the caller's thread.
  let cpu = process.cpuUsage();
  for (const token of sample) await jwtVerify(token, keys, { algorithms: ["RS256"] });
  const verifyMicros = cpuMicrosSince(cpu) / sample.length;

  const key = KeyObject.from(await keys(decodeProtectedHeader(sample[0]!), { payload: "", signature: "" }));
  const parts = sample.map((token) => {
    const dot = token.lastIndexOf(".");
    return { input: Buffer.from(token.slice(0, dot)), signature: Buffer.from(token.slice(dot + 1), "base64url") };
  });
  cpu = process.cpuUsage();
  for (const { input, signature } of parts) {
    if (!verify("sha256", input, key, signature)) throw new Error("bench: crypto.verify refused a minted token");
  }
  const nodeVerifyMicros = cpuMicrosSince(cpu) / sample.length;

  const start = process.hrtime.bigint();
  for (let i = 0; i < 20; i++) for (const token of sample) createHash("sha256").update(token).digest("base64url");
  const hashMicros = Number(process.hrtime.bigint() - start) / 1000 / (sample.length * 20);
  return { verifyMicros, nodeVerifyMicros, hashMicros };
}

function cpuMicrosSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/**
 * The machine's cores, not the ones this process may use (`os.availableParallelism()`): `npm run
 * bench` pins itself off the server core before it starts `bench/processes.ts`, which inherits
 * that mask and must still see, and pin to, every core.
 */
function machineCores(): number {
  return os.cpus().length || os.availableParallelism();
}

/**
 * Gives the server under test a core of its own and the load generator the rest, when Linux's
 * `taskset` is there and there are at least two cores: the server's GC and compiler threads then
 * stop competing with autocannon, and run-to-run spread drops from about ±15 % to about ±5 %.
 * Pins the bench process now and returns the function that pins a server; undefined when
 * nothing could be pinned.
 */
export function pinProcesses(benchPid: number): ((serverPid: number) => void) | undefined {
  const cores = machineCores();
  if (cores < 2 || process.platform !== "linux") return undefined;
  const serverCore = String(cores - 1);
  const benchCores = cores === 2 ? "0" : `0-${cores - 2}`;
  try {
    execFileSync("taskset", ["-a", "-cp", benchCores, String(benchPid)], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  return (serverPid) => execFileSync("taskset", ["-a", "-cp", serverCore, String(serverPid)], { stdio: "ignore" });
}

/** CPU time (every thread) a process has used so far, in µs; undefined off Linux. */
export function cpuMicros(pid: number): number | undefined {
  const cpu = threadCpuMicros(pid);
  return cpu && cpu.main + cpu.others;
}

/**
 * The same, split between the main thread (the JavaScript that serves requests) and every other
 * thread of the process (V8's concurrent GC and compiler, libuv's pool); undefined off Linux.
 */
export function threadCpuMicros(pid: number): { main: number; others: number } | undefined {
  try {
    let main = 0;
    let others = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const micros = taskCpuMicros(`/proc/${pid}/task/${tid}`);
      if (micros === undefined) continue; // the thread ended meanwhile
      if (tid === String(pid)) main += micros;
      else others += micros;
    }
    return { main, others };
  } catch {
    return undefined;
  }
}

/**
 * One thread's CPU time: from `schedstat` (nanoseconds, proc(5)) where the kernel keeps it, else
 * from `stat` in clock ticks. Ticks are 10 ms: summed over a dozen threads they would blur a
 * run of a second or two of CPU by a percent or more. Some kernels have the file but keep it at
 * zero (no scheduler statistics compiled in): zero falls back to ticks too.
 */
function taskCpuMicros(dir: string): number | undefined {
  try {
    const nanos = Number(readFileSync(`${dir}/schedstat`, "utf8").split(" ")[0]);
    if (nanos > 0) return nanos / 1000;
  } catch {
    // no schedstat, or the thread ended
  }
  try {
    const fields = readFileSync(`${dir}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND; // utime, stime (proc(5): fields 14 and 15)
  } catch {
    return undefined;
  }
}

// USER_HZ is 100 on every Linux build Node supports (sysconf(_SC_CLK_TCK)).
const CLOCK_TICKS_PER_SECOND = 100;
