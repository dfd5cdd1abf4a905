import { parseArgs } from "node:util";
import type { EmulatorOptions } from "../context.js";
import type { JwtTemplateClaim } from "../environment/environment-options.js";

export const USAGE = `Usage: authkit-emulator [options]

Local AuthKit (MCP OAuth) + WorkOS REST API emulator. DEVELOPMENT ONLY.

Options:
  --port <n>               Port to listen on (default 4455; 0 picks a free port)
  --host <host>            Interface to bind (default 127.0.0.1; anything else is warned about)
  --allowed-host <name>    Also answer this Host, e.g. a tunnel's name (repeatable; name or
                           name:port). Other names are refused (DNS rebinding)
  --seed <file.json>       Seed data (default: the bundled seed)
  --data <file.json>       Persist state to this file and reload it on restart
  --access-token-ttl <s>   Access-token lifetime in seconds (default 300)
  --auto-login <email>     Sign this seeded user in without showing the login page
  --rate-limits <on|off>   Enforce WorkOS's documented REST API rate limits (default on)
  --no-dcr                 Switch Dynamic Client Registration off (/oauth2/register is gone)
  --no-cimd                Switch Client ID Metadata Documents off (URL client ids are refused)
  --resource <url>         An MCP resource indicator tokens may be bound to (repeatable;
                           replaces the seed's list)
  --jwt-template <claims>  Claims the JWT template adds to access tokens: a comma-separated
                           subset of role,roles,permissions,entitlements, or "none"
  -h, --help               Show this help
`;

export type CliCommand = { kind: "help" } | { kind: "start"; options: EmulatorOptions };

/** Thrown for unusable arguments; the CLI prints the message and the usage, then exits 2. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
  readonly code = "ERR_EMULATOR_CLI_USAGE";
}

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliUsageError(`${flag} must be a whole number (got "${value}")`);
  return Number(value);
}

/**
 * Turn argv into `startEmulator()` options. Range checks (port, TTL) stay with
 * `resolveEmulatorOptions` so the CLI and the API report the same mistakes.
 *
 * @example
 * parseCliArgs(["--port", "0"]); // { kind: "start", options: { port: 0 } }
 */
export function parseCliArgs(argv: string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "allowed-host": { type: "string", multiple: true },
        seed: { type: "string" },
        data: { type: "string" },
        "access-token-ttl": { type: "string" },
        "auto-login": { type: "string" },
        "rate-limits": { type: "string" },
        "no-dcr": { type: "boolean" },
        "no-cimd": { type: "boolean" },
        resource: { type: "string", multiple: true },
        "jwt-template": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { kind: "help" };
  const options: EmulatorOptions = {};
  const port = wholeNumber("--port", values.port);
  if (port !== undefined) options.port = port;
  const ttl = wholeNumber("--access-token-ttl", values["access-token-ttl"]);
  if (ttl !== undefined) options.accessTokenTtl = ttl;
  if (values.host !== undefined) options.host = values.host;
  if (values["allowed-host"] !== undefined) options.allowedHosts = values["allowed-host"];
  if (values.seed !== undefined) options.seed = values.seed;
  if (values.data !== undefined) options.data = values.data;
  if (values["auto-login"] !== undefined) options.autoLogin = values["auto-login"];
  const rateLimits = values["rate-limits"];
  if (rateLimits !== undefined) {
    if (rateLimits !== "on" && rateLimits !== "off") throw new CliUsageError(`--rate-limits must be on or off (got "${rateLimits}")`);
    options.rateLimits = rateLimits === "on";
  }
  if (values["no-dcr"] === true) options.dynamicClientRegistration = false;
  if (values["no-cimd"] === true) options.clientIdMetadataDocument = false;
  if (values.resource !== undefined) options.resources = values.resource;
  const template = values["jwt-template"];
  // Claim names are checked by `resolveEnvironmentOptions`, as for `startEmulator()` callers.
  if (template !== undefined) options.jwtTemplate = (template === "none" ? [] : template.split(",").map((claim) => claim.trim())) as JwtTemplateClaim[];
  return { kind: "start", options };
}
