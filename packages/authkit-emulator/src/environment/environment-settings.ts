import { EmulatorStartupError } from "../emulator-startup-error.js";
import { newId } from "../store/ids.js";

/**
 * An MCP resource indicator (RFC 8707) configured for the environment, in the wire shape of
 * WorkOS's `authkit_oauth_resource` (API reference "MCP resource indicator").
 */
export interface AuthKitOAuthResourceRecord {
  object: "authkit_oauth_resource";
  id: string; // authkit_oauth_resource_...
  uri: string;
  /** The audience of tokens whose client named no resource. At most one resource holds it. */
  default: boolean;
  created_at: string;
  updated_at: string;
}

/**
 * The environment: its credentials and the Dashboard's Connect → Configuration switches.
 * Seeds and `--data` files carry it as the `environment` block.
 */
export interface EnvironmentSettings {
  client_id: string;
  api_key: string;
  /** "Dynamic Client Registration" (RFC 7591): `/oauth2/register` exists and is advertised. */
  dynamic_client_registration: boolean;
  /** "Client ID Metadata Document": URL client ids are resolved and the support is advertised. */
  client_id_metadata_document: boolean;
  /** "MCP resource indicators": the only `resource` values a token's `aud` is bound to. */
  resource_indicators: AuthKitOAuthResourceRecord[];
}

/**
 * What a seed that leaves a switch out gets: the emulator's development defaults, which are what
 * an MCP host needs to sign in. A new WorkOS environment starts with both switches off and no
 * resource indicators (see the README).
 */
const EMULATOR_DEFAULTS = { dynamic_client_registration: true, client_id_metadata_document: true } as const;

function invalid(source: string, message: string): EmulatorStartupError {
  return new EmulatorStartupError("ERR_EMULATOR_SEED_INVALID", `${source}: ${message}`);
}

/** A new indicator record, as the Dashboard, the API and `--resource` all create one. */
export function newResourceIndicator(uri: string, isDefault: boolean, now: Date): AuthKitOAuthResourceRecord {
  const timestamp = now.toISOString();
  return { object: "authkit_oauth_resource", id: newId("authkit_oauth_resource", now.getTime()), uri, default: isDefault, created_at: timestamp, updated_at: timestamp };
}

/** RFC 8707 §2: a resource is an absolute URI without a fragment. */
export function isResourceIndicatorUri(value: unknown): value is string {
  return typeof value === "string" && URL.canParse(value) && !value.includes("#");
}

/**
 * A seed may list resource indicators as bare URIs, as `{ uri, default? }`, or as full records
 * (a `--data` file writes them back that way, ids included).
 */
function normalizeResourceIndicators(raw: unknown, source: string, now: Date): AuthKitOAuthResourceRecord[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw invalid(source, "environment.resource_indicators must be an array");
  const records = raw.map((entry: unknown, index): AuthKitOAuthResourceRecord => {
    const item = (typeof entry === "string" ? { uri: entry } : entry) as Partial<AuthKitOAuthResourceRecord> | null;
    const where = `environment.resource_indicators[${index}]`;
    if (typeof item !== "object" || item === null) throw invalid(source, `${where} must be a URI or an object with a uri`);
    if (!isResourceIndicatorUri(item.uri)) throw invalid(source, `${where}.uri must be an absolute URI without a fragment`);
    if (item.default !== undefined && typeof item.default !== "boolean") throw invalid(source, `${where}.default must be a boolean`);
    // Fields a hand-written seed leaves out are made; those a `--data` file wrote back are kept.
    const made = newResourceIndicator(item.uri, item.default ?? false, now);
    return {
      ...made,
      ...(typeof item.id === "string" ? { id: item.id } : {}),
      ...(typeof item.created_at === "string" ? { created_at: item.created_at } : {}),
      ...(typeof item.updated_at === "string" ? { updated_at: item.updated_at } : {}),
    };
  });
  const uris = records.map((record) => record.uri);
  const duplicate = uris.find((uri, index) => uris.indexOf(uri) !== index);
  if (duplicate !== undefined) throw invalid(source, `environment.resource_indicators lists ${duplicate} twice`);
  if (records.filter((record) => record.default).length > 1) {
    throw invalid(source, "environment.resource_indicators may have at most one default");
  }
  return records;
}

function optionalSwitch(environment: Record<string, unknown>, name: keyof typeof EMULATOR_DEFAULTS, source: string): boolean {
  const value = environment[name];
  if (value === undefined) return EMULATOR_DEFAULTS[name];
  if (typeof value !== "boolean") throw invalid(source, `environment.${name} must be true or false`);
  return value;
}

/**
 * Checks a seed's or data file's `environment` block and fills what it leaves out.
 *
 * @example
 * state.environment = normalizeEnvironment(raw.environment, "seed.json");
 */
export function normalizeEnvironment(raw: unknown, source: string, now: Date = new Date()): EnvironmentSettings {
  const environment = (typeof raw === "object" && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  if (typeof environment.api_key !== "string" || !environment.api_key.startsWith("sk_")) {
    throw invalid(source, "environment.api_key must be a string starting with sk_");
  }
  if (typeof environment.client_id !== "string" || !environment.client_id.startsWith("client_")) {
    throw invalid(source, "environment.client_id must be a string starting with client_");
  }
  return {
    client_id: environment.client_id,
    api_key: environment.api_key,
    dynamic_client_registration: optionalSwitch(environment, "dynamic_client_registration", source),
    client_id_metadata_document: optionalSwitch(environment, "client_id_metadata_document", source),
    resource_indicators: normalizeResourceIndicators(environment.resource_indicators, source, now),
  };
}
