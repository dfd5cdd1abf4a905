import type { EmulatorContext } from "../context.js";
import { newResourceIndicator, type AuthKitOAuthResourceRecord } from "./environment-settings.js";

/**
 * The environment's MCP resource indicators: what `/user_management/authkit_oauth_resources`
 * lists, creates and deletes, and what the token endpoint binds `aud` to. Every write is saved.
 */
export const resourceIndicators = {
  list(ctx: EmulatorContext): AuthKitOAuthResourceRecord[] {
    return ctx.state.environment.resource_indicators;
  },

  findByUri(ctx: EmulatorContext, uri: string): AuthKitOAuthResourceRecord | undefined {
    return ctx.state.environment.resource_indicators.find((record) => record.uri === uri);
  },

  /**
   * Adds an indicator, leaving the others in place; a new default takes the flag from the old one.
   * The caller has checked that `uri` is a valid, not yet configured resource.
   *
   * @example
   * const record = resourceIndicators.create(ctx, { uri: "https://mcp.example.com/mcp" });
   */
  create(ctx: EmulatorContext, input: { uri: string; default?: boolean }): AuthKitOAuthResourceRecord {
    const record = newResourceIndicator(input.uri, input.default ?? false, new Date(ctx.now() * 1000));
    const records = ctx.state.environment.resource_indicators;
    if (record.default) {
      for (const other of records.filter((candidate) => candidate.default)) Object.assign(other, { default: false, updated_at: record.created_at });
    }
    records.push(record);
    ctx.save();
    return record;
  },

  /** Removes the indicator; false when there is none with that id. */
  delete(ctx: EmulatorContext, id: string): boolean {
    const records = ctx.state.environment.resource_indicators;
    const index = records.findIndex((record) => record.id === id);
    if (index === -1) return false;
    records.splice(index, 1);
    ctx.save();
    return true;
  },

  /**
   * The `aud` of a token for `resource`: the resource when it is a configured indicator; with no
   * resource, the default indicator if one is set; otherwise the environment's client id, which is
   * what AuthKit issues when it does not bind a resource. Resolved at every mint, so deleting an
   * indicator takes effect at the next refresh.
   *
   * @example
   * const aud = resourceIndicators.audienceFor(ctx, grant.resource);
   */
  audienceFor(ctx: EmulatorContext, resource: string | null): string {
    const { environment } = ctx.state;
    if (resource !== null) return resourceIndicators.findByUri(ctx, resource)?.uri ?? environment.client_id;
    return environment.resource_indicators.find((record) => record.default)?.uri ?? environment.client_id;
  },
};
