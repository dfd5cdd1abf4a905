import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { isResourceIndicatorUri } from "../environment/environment-settings.js";
import { resourceIndicators } from "../environment/resource-indicators.js";
import { ApiError } from "../http/api-error.js";
import { BodyReader } from "../http/body-reader.js";
import { paginate } from "./pagination.js";

/**
 * MCP resource indicators (WorkOS API reference "MCP resource indicator"), the API twin of the
 * Dashboard's Connect → Configuration list: GET and POST /user_management/authkit_oauth_resources,
 * DELETE /user_management/authkit_oauth_resources/:id. Shaped as the sibling
 * `/user_management/redirect_uris` is in WorkOS's OpenAPI spec: 201 with the object on create,
 * 422 for a URI already configured, 204 on delete, 404 for an unknown id.
 */
export function authkitOAuthResourcesRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/user_management/authkit_oauth_resources", (req, res) => {
    res.json(paginate(resourceIndicators.list(ctx), req.query as Record<string, unknown>));
  });

  router.post("/user_management/authkit_oauth_resources", (req, res) => {
    const body = new BodyReader(req.body);
    const uri = body.requiredString("uri");
    // RFC 8707 §2: an absolute URI without a fragment, as clients send it in `resource`.
    if (uri !== undefined && !isResourceIndicatorUri(uri)) body.fail("uri", "uri_must_be_absolute_without_fragment");
    const isDefault = body.optionalBoolean("default");
    body.finish();
    if (resourceIndicators.findByUri(ctx, uri!) !== undefined) {
      throw new ApiError("invalid_request_parameters", `MCP resource indicator '${uri}' already exists.`, { errors: [{ field: "uri", code: "uri_already_exists" }] });
    }
    res.status(201).json(resourceIndicators.create(ctx, { uri: uri!, default: isDefault }));
  });

  router.delete("/user_management/authkit_oauth_resources/:id", (req, res) => {
    if (!resourceIndicators.delete(ctx, req.params.id)) throw ApiError.notFound("MCP resource indicator", req.params.id);
    res.status(204).end();
  });

  return router;
}
