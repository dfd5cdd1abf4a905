import type { RequestHandler } from "express";
import { ApiError } from "./api-error.js";

/** Last in the chain: unknown paths get WorkOS-style JSON instead of Express's HTML page. */
export const routeNotFound: RequestHandler = (req, _res, next) => {
  next(new ApiError("route_not_found", `No route for ${req.method} ${req.path}.`));
};
