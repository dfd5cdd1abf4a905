import type { RequestHandler } from "express";

/**
 * Open CORS for metadata, JWKS, token and registration: browser-based MCP clients (the MCP
 * Inspector, web IDEs) call these cross-origin. No cookies are involved, so `*` is safe here.
 * The login pages are deliberately not covered.
 */
export const openCors: RequestHandler = (req, res, next) => {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, MCP-Protocol-Version");
  res.setHeader("Access-Control-Max-Age", "600");
  if (req.method === "OPTIONS") {
    res.status(204).end();
    return;
  }
  next();
};
