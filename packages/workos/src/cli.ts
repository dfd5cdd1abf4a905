#!/usr/bin/env node
import { parseDoctorArgs } from "./doctor/doctor-input.js";
import { formatReport } from "./doctor/format-report.js";
import { runDoctor } from "./doctor/run-doctor.js";

const USAGE = `Usage: npx @xmcp-dev/workos doctor [--json] [options]

Checks an AuthKit setup the way MCP clients meet it and says how to fix what is wrong.
Reads WORKOS_API_KEY, WORKOS_CLIENT_ID, BASE_URL, WORKOS_AUTHKIT_DOMAIN, WORKOS_API_URL and
WORKOS_CLOCK_TOLERANCE_SECONDS from the environment, .env.local and .env.

Options:
  --json                  print the report as JSON
  --client-id ID          instead of WORKOS_CLIENT_ID
  --base-url URL          instead of BASE_URL (the origin MCP clients reach)
  --authkit-domain HOST   instead of WORKOS_AUTHKIT_DOMAIN
  --api-url URL           instead of WORKOS_API_URL (default https://api.workos.com)
  --mcp-path PATH         the MCP endpoint's path (default /mcp)
  --strict-audience       diagnose as if strictAudience: true
  --env-file PATH         read this file instead of .env.local and .env

Exit status: 0 when nothing failed, 1 when a check failed, 2 on a usage error.`;

/** The command's only output: the report or usage on stdout, usage errors on stderr. */
const out = (text: string): void => void process.stdout.write(`${text}\n`);
const err = (text: string): void => void process.stderr.write(`${text}\n`);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h") {
    out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== "doctor") {
    err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  let args;
  try {
    args = parseDoctorArgs(rest, process.env, process.cwd());
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    out(USAGE);
    return 0;
  }
  const report = await runDoctor(args.input);
  out(args.json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.ok ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
