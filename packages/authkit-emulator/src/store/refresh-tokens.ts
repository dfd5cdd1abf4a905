import { removeWhere } from "./remove-where.js";
import { type StoreContext, insertRecord } from "./store-context.js";
import type { RefreshTokenRecord } from "./types.js";

/** Stores a refresh token record (its hash, never the token) and saves. */
export function addRefreshToken(ctx: StoreContext, record: RefreshTokenRecord): void {
  insertRecord(ctx, "refreshTokens", record);
}

export function findRefreshTokenByHash(ctx: Pick<StoreContext, "state">, hash: string): RefreshTokenRecord | undefined {
  return ctx.state.refreshTokens.find((record) => record.hash === hash);
}

/** Rotation: a refresh token works once; the record stays so a replay is recognised. */
export function markRefreshTokenUsed(ctx: StoreContext, record: RefreshTokenRecord): void {
  record.used = true;
  ctx.save();
}

/** Deletes every refresh token minted from one authorization code, and saves. */
export function removeRefreshTokenFamily(ctx: StoreContext, family: string): void {
  removeWhere(ctx.state.refreshTokens, (record) => record.family === family);
  ctx.save();
}

/** Drops expired refresh tokens so the persisted state does not grow forever; saves only on change. */
export function pruneExpiredRefreshTokens(ctx: StoreContext): void {
  const now = ctx.now();
  if (removeWhere(ctx.state.refreshTokens, (record) => record.expires_at <= now) > 0) ctx.save();
}
