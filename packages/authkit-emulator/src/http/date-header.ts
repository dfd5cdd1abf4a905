import type { RequestHandler } from "express";
import type { EmulatorContext } from "../context.js";

/**
 * `Date` from the emulator's clock rather than the process's, so a test that moves the clock
 * (`context.now`) shows clients a skewed server, as a real one with a wrong clock would
 * (RFC 9110 §6.6.1: the origin's idea of the current time).
 */
export function dateHeader(ctx: EmulatorContext): RequestHandler {
  return (_req, res, next) => {
    res.setHeader("Date", new Date(ctx.now() * 1000).toUTCString());
    next();
  };
}
