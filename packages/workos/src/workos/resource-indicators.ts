import type { WorkOS } from "@workos-inc/node";

interface AuthKitOAuthResourceList {
  data?: { uri?: unknown }[];
  list_metadata?: { after?: string | null };
}

/** Far more than any environment configures; bounds the walk if the API kept returning cursors. */
const maxPages = 20;

/**
 * The URIs of the environment's MCP resource indicators (WorkOS Dashboard → Connect →
 * Configuration), which AuthKit binds into `aud` when a client names them in `resource`
 * (RFC 8707). Read through the provider's SDK client, so the API key, base URL and retries are
 * the ones every other WorkOS call uses.
 *
 * @example
 * const uris = await listResourceIndicatorURIs(client); // ["https://mcp.example.com/mcp"]
 */
export async function listResourceIndicatorURIs(client: WorkOS): Promise<string[]> {
  const uris: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const { data } = await client.get<AuthKitOAuthResourceList>("/user_management/authkit_oauth_resources", {
      query: { limit: 100, order: "desc", ...(after === undefined ? {} : { after }) },
    });
    for (const item of data.data ?? []) if (typeof item?.uri === "string") uris.push(item.uri);
    after = data.list_metadata?.after ?? undefined;
    if (!after) break;
  }
  return uris;
}
