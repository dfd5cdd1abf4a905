import type { RunningEmulator } from "../start-emulator.js";

/** Seed users who can sign in with a password, with their organizations and roles. */
function signInAccounts(emulator: RunningEmulator): string[] {
  const { state } = emulator;
  return state.users
    .filter((user) => user.password !== undefined)
    .map((user) => {
      const memberships = state.memberships
        .filter((m) => m.user_id === user.id && m.status === "active")
        .map((m) => {
          const org = state.organizations.find((o) => o.id === m.organization_id);
          return `${org?.name ?? m.organization_id} (${m.role.slug})`;
        });
      const where = memberships.length > 0 ? memberships.join(", ") : "no organization";
      return `    ${user.email.padEnd(24)} password: ${user.password ?? ""}   ${where}`;
    });
}

/** Connect → Configuration as the Dashboard shows it. */
function connectSwitches(emulator: RunningEmulator): string {
  const { environment } = emulator.state;
  const onOff = (on: boolean) => (on ? "on" : "off");
  return `dynamic client registration ${onOff(environment.dynamic_client_registration)}, client ID metadata documents ${onOff(environment.client_id_metadata_document)}`;
}

/**
 * What the CLI prints once listening. The API key, client id and seed passwords are fixed,
 * public development values from the seed; printing them here is the point (and the only place
 * the emulator ever prints a credential).
 */
export function renderBanner(emulator: RunningEmulator, options: { dataPath?: string; autoLogin?: string }): string {
  const rule = "=".repeat(72);
  const lines = [
    rule,
    "  AUTHKIT EMULATOR  --  DEVELOPMENT ONLY  --  NOT A REAL WORKOS ENVIRONMENT",
    "  Fixed, public credentials. Never use this for production or real user data.",
    rule,
    `  URL / issuer:   ${emulator.url}`,
    `  API key:        ${emulator.apiKey}`,
    `  Client id:      ${emulator.clientId}`,
    `  Metadata:       ${emulator.url}/.well-known/oauth-authorization-server`,
    `  Outbox:         ${emulator.url}/_emulator/outbox`,
    `  Registration:   ${connectSwitches(emulator)}`,
    `  Resources:      ${emulator.state.environment.resource_indicators.map((record) => record.uri).join(", ") || "(none: tokens get aud = client id)"}`,
    `  State file:     ${options.dataPath ?? "(in memory; pass --data file.json to persist)"}`,
  ];
  lines.push(
    `  Rate limits:    ${emulator.context.rateLimits === false ? "off" : "WorkOS's (429 + Retry-After); --rate-limits off lifts them"}`,
  );
  if (options.autoLogin !== undefined) lines.push(`  Auto-login:     ${options.autoLogin} (login page skipped)`);
  lines.push("", "  Sign-in accounts:", ...signInAccounts(emulator), rule);
  return lines.join("\n");
}
