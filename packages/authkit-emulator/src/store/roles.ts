import { stableId } from "./ids.js";
import { isoNow, type StoreContext, insertRecord } from "./store-context.js";
import type { RoleRecord } from "./types.js";
import { requireRecord } from "./lookup.js";

/** The API's view of a permission; the emulator derives them from the roles that grant them. */
export interface PermissionView {
  object: "permission";
  id: string;
  slug: string;
  name: string;
  description: string | null;
  resource_type_slug: "organization";
  system: false;
  created_at: string;
  updated_at: string;
}

/** Seeds may leave out a role's id and timestamps: the id is derived from the slug so it is stable. */
export function upgradeRole(role: RoleRecord, now: string): void {
  role.id ??= stableId("role", role.slug);
  role.description ??= null;
  role.permissions ??= [];
  role.created_at ??= now;
  role.updated_at ??= role.created_at;
}

/** Environment roles in priority order (the order of the seed), as WorkOS lists them. */
export function listRoles(ctx: StoreContext): RoleRecord[] {
  return ctx.state.roles;
}

export function findRole(ctx: StoreContext, slug: string): RoleRecord | undefined {
  return ctx.state.roles.find((role) => role.slug === slug);
}

export function getRole(ctx: StoreContext, slug: string): RoleRecord {
  return requireRecord(findRole(ctx, slug), "Role", slug);
}

/** Permissions granted by the given role slugs, without repeats, in role order. */
export function permissionsOf(ctx: StoreContext, slugs: readonly string[]): string[] {
  return [...new Set(slugs.flatMap((slug) => findRole(ctx, slug)?.permissions ?? []))];
}

/**
 * Adds an environment role (or replaces the one with that slug) and saves.
 *
 * @example
 * saveRole(ctx, { slug: "auditor", name: "Auditor", description: null, permissions: ["audit:read"] });
 */
export function saveRole(ctx: StoreContext, input: Pick<RoleRecord, "slug" | "name" | "description" | "permissions">): RoleRecord {
  const now = isoNow(ctx);
  const existing = findRole(ctx, input.slug);
  if (existing !== undefined) {
    Object.assign(existing, input, { updated_at: now });
    ctx.save();
    return existing;
  }
  const role: RoleRecord = { id: stableId("role", input.slug), ...input, created_at: now, updated_at: now };
  insertRecord(ctx, "roles", role);
  return role;
}

/** Every permission a role grants, oldest first; dated by the first role that granted it. */
export function listPermissions(ctx: StoreContext): PermissionView[] {
  const seen = new Map<string, PermissionView>();
  for (const role of ctx.state.roles) {
    for (const slug of role.permissions) {
      if (seen.has(slug)) continue;
      seen.set(slug, {
        object: "permission",
        id: stableId("perm", slug),
        slug,
        name: slug,
        description: null,
        resource_type_slug: "organization",
        system: false,
        created_at: role.created_at,
        updated_at: role.created_at,
      });
    }
  }
  return [...seen.values()];
}

export function getPermission(ctx: StoreContext, slug: string): PermissionView {
  return requireRecord(listPermissions(ctx).find((candidate) => candidate.slug === slug), "Permission", slug);
}
