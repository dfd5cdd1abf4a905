import { removeWhere } from "./remove-where.js";
import type { StoreContext } from "./store-context.js";
import type { DirectoryGroupRecord, DirectoryRecord, DirectoryUserRecord } from "./types.js";
import { lookupById } from "./lookup.js";

/** Directory `state` as stored before it followed the API (`active`/`inactive`, the SDK's names). */
const LEGACY_DIRECTORY_STATES: Record<string, DirectoryRecord["state"]> = { active: "linked", inactive: "unlinked" };

/** Fill what data files written by older versions lack, so every record has the wire shape. */
export function upgradeDirectory(directory: DirectoryRecord): void {
  directory.state = LEGACY_DIRECTORY_STATES[directory.state] ?? directory.state;
  directory.external_key ??= directory.id.slice(directory.id.lastIndexOf("_") + 1).toLowerCase();
}

export const getDirectory = lookupById((state) => state.directories, "Directory").get;

export function listDirectories(ctx: StoreContext, filter: { organizationId?: string; search?: string; domain?: string }): DirectoryRecord[] {
  const search = filter.search?.toLowerCase();
  const domain = filter.domain?.toLowerCase();
  return ctx.state.directories.filter(
    (directory) =>
      (filter.organizationId === undefined || directory.organization_id === filter.organizationId) &&
      (search === undefined || directory.name.toLowerCase().includes(search)) &&
      (domain === undefined || directory.domain.toLowerCase() === domain),
  );
}

/** Deletes the directory with its users and groups, and saves. */
export function deleteDirectory(ctx: StoreContext, id: string): void {
  getDirectory(ctx, id);
  removeWhere(ctx.state.directories, (directory) => directory.id === id);
  removeWhere(ctx.state.directoryUsers, (user) => user.directory_id === id);
  removeWhere(ctx.state.directoryGroups, (group) => group.directory_id === id);
  ctx.save();
}

export const getDirectoryUser = lookupById((state) => state.directoryUsers, "Directory user").get;

export function listDirectoryUsers(ctx: StoreContext, filter: { directory?: string; group?: string }): DirectoryUserRecord[] {
  return ctx.state.directoryUsers.filter(
    (user) =>
      (filter.directory === undefined || user.directory_id === filter.directory) &&
      (filter.group === undefined || user.group_ids.includes(filter.group)),
  );
}

export const getDirectoryGroup = lookupById((state) => state.directoryGroups, "Directory group").get;

export function listDirectoryGroups(ctx: StoreContext, filter: { directory?: string; user?: string }): DirectoryGroupRecord[] {
  const member = filter.user === undefined ? undefined : ctx.state.directoryUsers.find((u) => u.id === filter.user);
  return ctx.state.directoryGroups.filter(
    (group) =>
      (filter.directory === undefined || group.directory_id === filter.directory) &&
      (filter.user === undefined || (member?.group_ids.includes(group.id) ?? false)),
  );
}

/** The groups a directory user belongs to, as the API embeds them. */
export function groupsOf(ctx: StoreContext, user: DirectoryUserRecord): DirectoryGroupRecord[] {
  return ctx.state.directoryGroups.filter((group) => user.group_ids.includes(group.id));
}
