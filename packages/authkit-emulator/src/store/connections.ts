import { findOrganization } from "./organizations.js";
import { removeWhere } from "./remove-where.js";
import type { StoreContext } from "./store-context.js";
import type { ConnectionRecord } from "./types.js";
import { lookupById } from "./lookup.js";

/** Fill what data files written by older versions lack: `status` follows `state`. */
export function upgradeConnection(connection: ConnectionRecord): void {
  connection.status ??= connection.state === "active" ? "linked" : "unlinked";
}

const connections = lookupById((state) => state.connections, "Connection");
export const findConnection = connections.find;
export const getConnection = connections.get;

export function listConnections(
  ctx: StoreContext,
  filter: { organizationId?: string; connectionType?: string; domain?: string; search?: string },
): ConnectionRecord[] {
  const domain = filter.domain?.toLowerCase();
  const search = filter.search?.toLowerCase();
  return ctx.state.connections.filter(
    (connection) =>
      (filter.organizationId === undefined || connection.organization_id === filter.organizationId) &&
      (filter.connectionType === undefined || connection.connection_type === filter.connectionType) &&
      (domain === undefined || connection.domains.some((d) => d.domain.toLowerCase() === domain)) &&
      (search === undefined || connection.name.toLowerCase().includes(search)),
  );
}

/**
 * The active SSO connection covering an email's domain: listed on the connection itself, or a
 * verified domain of the organization that owns the connection.
 */
export function ssoConnectionForEmail(ctx: StoreContext, email: string): ConnectionRecord | undefined {
  const domain = email.trim().toLowerCase().split("@")[1];
  if (!domain) return undefined;
  return ctx.state.connections.find((connection) => {
    if (connection.state !== "active") return false;
    if (connection.domains.some((entry) => entry.domain.toLowerCase() === domain)) return true;
    const organization = findOrganization(ctx, connection.organization_id);
    return organization?.domains.some((entry) => entry.state === "verified" && entry.domain.toLowerCase() === domain) ?? false;
  });
}

export function deleteConnection(ctx: StoreContext, id: string): void {
  getConnection(ctx, id);
  removeWhere(ctx.state.connections, (connection) => connection.id === id);
  ctx.save();
}
