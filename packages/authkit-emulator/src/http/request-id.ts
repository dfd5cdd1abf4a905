import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";

/** WorkOS answers with `X-Request-ID`; the SDK copies it into every exception's `requestID`. */
export const requestId: RequestHandler = (_req, res, next) => {
  res.setHeader("X-Request-ID", randomUUID());
  next();
};
