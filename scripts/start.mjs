#!/usr/bin/env node
// `npm start`: the AuthKit emulator and the example MCP server together, one short block of
// what to do next, and a clean stop on Ctrl-C. With WORKOS_API_KEY set, the example runs
// against that WorkOS environment instead and no emulator is started.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MCP_PORT = 3001; // fixed by examples/workos-http/xmcp.config.ts at build time
const EMULATOR_PORT = Number(process.env.EMULATOR_PORT ?? 4455);
const HOST = "127.0.0.1";
const useEmulator = process.env.WORKOS_API_KEY === undefined;

async function main() {
  await assertPortFree(MCP_PORT, "the MCP server", "Stop whatever uses it (another `npm start`?) and try again.");
  let emulator;
  if (useEmulator) {
    await assertPortFree(EMULATOR_PORT, "the AuthKit emulator", "Stop it, or choose another port with EMULATOR_PORT=4456 npm start.");
    const { startEmulator } = await import(path.join(root, "packages/authkit-emulator/dist/index.js"));
    emulator = await startEmulator({
      port: EMULATOR_PORT,
      host: HOST,
      logger: {
        info: (m) => console.log(`[emulator] ${m}`),
        warn: (m) => console.warn(`[emulator] ${m}`),
        error: (m) => console.error(`[emulator] ${m}`),
      },
    });
  }

  const mcpURL = `http://${HOST}:${MCP_PORT}/mcp`;
  const server = spawn(process.execPath, [path.join(root, "examples/workos-http/dist/http.js")], {
    cwd: path.join(root, "examples/workos-http"),
    env: { ...process.env, ...(emulator ? { EMULATOR_URL: emulator.url } : {}), NODE_ENV: process.env.NODE_ENV ?? "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  server.stdout.on("data", (chunk) => {
    // xmcp announces itself; the block below says the same and more.
    const text = chunk.toString();
    if (!/MCP Server running/.test(text)) process.stdout.write(`[mcp] ${text}`);
  });

  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    if (server.exitCode === null) server.kill("SIGTERM");
    await emulator?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => {
    if (!stopping) {
      console.error(`The MCP server exited (code ${code}).`);
      void stop(1);
    }
  });

  await waitUntilAnswering(`http://${HOST}:${MCP_PORT}/.well-known/oauth-protected-resource`, server);
  console.log(summary(mcpURL, emulator));
}

function summary(mcpURL, emulator) {
  const lines = ["", "─".repeat(72), `  MCP server    ${mcpURL}   (protected by @xmcp-dev/workos)`];
  if (emulator) {
    lines.push(`  AuthKit       ${emulator.url}   (local emulator, DEVELOPMENT ONLY)`);
    lines.push(`  Outbox        ${emulator.url}/_emulator/outbox   (sign-in codes land here)`);
    lines.push("", "  Sign in as (password: dev-password):");
    for (const user of emulator.state.users.filter((u) => u.password !== undefined)) {
      const roles = emulator.state.memberships
        .filter((m) => m.user_id === user.id)
        .map((m) => `${m.role.slug} of ${emulator.state.organizations.find((o) => o.id === m.organization_id)?.name}`);
      lines.push(`    ${user.email.padEnd(20)} ${roles.join(", ")}`);
    }
  } else {
    lines.push(`  AuthKit       ${process.env.WORKOS_AUTHKIT_DOMAIN}   (your WorkOS environment)`);
  }
  lines.push(
    "",
    "  Connect a client, e.g. the MCP Inspector:",
    "    npx @modelcontextprotocol/inspector",
    `    → Transport: Streamable HTTP, URL: ${mcpURL}, then "Open Auth Settings" → Quick OAuth Flow`,
    "",
    "  Ctrl-C stops both.",
    "─".repeat(72),
  );
  return lines.join("\n");
}

function assertPortFree(port, what, hint) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error) => {
      console.error(
        error.code === "EADDRINUSE" ? `Port ${port} on ${HOST} is already in use, so ${what} cannot start. ${hint}` : `Cannot listen on ${HOST}:${port} for ${what}: ${error.message}`,
      );
      process.exit(1);
    });
    probe.listen(port, HOST, () => probe.close(() => resolve()));
  });
}

async function waitUntilAnswering(url, child) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return;
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  console.error(`The MCP server did not answer at ${url} within 30 s.`);
  process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
