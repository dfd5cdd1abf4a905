import { EmulatorStartupError } from "../emulator-startup-error.js";
import type { EmulatorState, JwtTemplate } from "../store/types.js";
import { isResourceIndicatorUri, newResourceIndicator, type AuthKitOAuthResourceRecord } from "./environment-settings.js";

/** The claims a JWT template can add to access tokens. */
export const JWT_TEMPLATE_CLAIMS = ["role", "roles", "permissions", "entitlements"] as const satisfies readonly (keyof JwtTemplate)[];
export type JwtTemplateClaim = (typeof JWT_TEMPLATE_CLAIMS)[number];

/**
 * The Dashboard's Connect → Configuration switches and the JWT template as `startEmulator()`
 * options. Each one given replaces what the seed (or `--data` file) says; each one left out keeps it.
 */
export interface EnvironmentOptions {
  /** Dynamic Client Registration (RFC 7591). CLI: `--no-dcr` sets false. */
  dynamicClientRegistration?: boolean;
  /** Client ID Metadata Documents (URL client ids). CLI: `--no-cimd` sets false. */
  clientIdMetadataDocument?: boolean;
  /** The MCP resource indicators, replacing the seed's list. CLI: `--resource <url>`, repeatable. */
  resources?: string[];
  /** The claims the JWT template adds to access tokens (`[]`: none). CLI: `--jwt-template role,permissions` or `none`. */
  jwtTemplate?: JwtTemplateClaim[];
}

/** Checked options: only what was given, ready for {@link applyEnvironmentOptions}. */
export type ResolvedEnvironmentOptions = Readonly<EnvironmentOptions>;

function invalid(message: string): EmulatorStartupError {
  return new EmulatorStartupError("ERR_EMULATOR_OPTION_INVALID", message);
}

function checkSwitch(name: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  throw invalid(`${name} must be true or false (got ${String(value)})`);
}

function checkResources(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalid("resources must be an array of URIs");
  for (const uri of value) {
    // RFC 8707 §2: what a client can send as `resource`.
    if (!isResourceIndicatorUri(uri)) throw invalid(`resources: ${String(uri)} is not an absolute URI without a fragment`);
  }
  return [...new Set(value as string[])];
}

function checkJwtTemplate(value: unknown): JwtTemplateClaim[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalid(`jwtTemplate must be an array of claim names (${JWT_TEMPLATE_CLAIMS.join(", ")})`);
  const unknown = value.find((claim) => !(JWT_TEMPLATE_CLAIMS as readonly unknown[]).includes(claim));
  if (unknown !== undefined) throw invalid(`jwtTemplate: unknown claim ${String(unknown)} (known: ${JWT_TEMPLATE_CLAIMS.join(", ")})`);
  return value as JwtTemplateClaim[];
}

/**
 * Checks the environment options when the emulator is created, so a mistake stops start-up.
 *
 * @example
 * const environment = resolveEnvironmentOptions({ resources: ["http://127.0.0.1:3001/mcp"] });
 */
export function resolveEnvironmentOptions(options: EnvironmentOptions): ResolvedEnvironmentOptions {
  const resolved: EnvironmentOptions = {};
  const dcr = checkSwitch("dynamicClientRegistration", options.dynamicClientRegistration);
  if (dcr !== undefined) resolved.dynamicClientRegistration = dcr;
  const cimd = checkSwitch("clientIdMetadataDocument", options.clientIdMetadataDocument);
  if (cimd !== undefined) resolved.clientIdMetadataDocument = cimd;
  const resources = checkResources(options.resources);
  if (resources !== undefined) resolved.resources = resources;
  const jwtTemplate = checkJwtTemplate(options.jwtTemplate);
  if (jwtTemplate !== undefined) resolved.jwtTemplate = jwtTemplate;
  return Object.freeze(resolved);
}

/**
 * Writes the options into a loaded state (the live one and the seed kept for `reset()`).
 * A listed resource already configured in `state` (or among `known`, the live state's records when
 * the seed is updated) keeps its record, so its id survives `reset()` and restarts with the same
 * `--data` file.
 */
export function applyEnvironmentOptions(
  state: EmulatorState,
  options: ResolvedEnvironmentOptions,
  now: Date,
  known: readonly AuthKitOAuthResourceRecord[] = [],
): void {
  const { environment } = state;
  if (options.dynamicClientRegistration !== undefined) environment.dynamic_client_registration = options.dynamicClientRegistration;
  if (options.clientIdMetadataDocument !== undefined) environment.client_id_metadata_document = options.clientIdMetadataDocument;
  if (options.resources !== undefined) {
    const configured = [...known, ...environment.resource_indicators];
    environment.resource_indicators = options.resources.map((uri): AuthKitOAuthResourceRecord => {
      const existing = configured.find((record) => record.uri === uri);
      // A copy: the seed's records must not change when the live state's do.
      if (existing !== undefined) return { ...existing };
      return newResourceIndicator(uri, false, now);
    });
  }
  if (options.jwtTemplate !== undefined) {
    const claims = options.jwtTemplate;
    state.jwtTemplate = Object.fromEntries(JWT_TEMPLATE_CLAIMS.map((claim) => [claim, claims.includes(claim)])) as unknown as JwtTemplate;
  }
}
