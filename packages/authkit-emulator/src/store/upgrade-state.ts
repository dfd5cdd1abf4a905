import { upgradeConnection } from "./connections.js";
import { upgradeDirectory } from "./directories.js";
import { upgradeOrganization } from "./organizations.js";
import { upgradeRole } from "./roles.js";
import type { EmulatorState } from "./types.js";
import { upgradeUser } from "./users.js";

/**
 * Bring a seed or a `--data` file written by an older version to the current record shapes, so
 * every record goes out on the wire as WorkOS sends it. Idempotent: a current file is unchanged.
 */
export function upgradeState(state: EmulatorState, now: string): void {
  state.users.forEach(upgradeUser);
  state.organizations.forEach(upgradeOrganization);
  state.roles.forEach((role) => upgradeRole(role, now));
  state.connections.forEach(upgradeConnection);
  state.directories.forEach(upgradeDirectory);
}
