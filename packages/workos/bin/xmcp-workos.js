#!/usr/bin/env node
// A committed launcher, so npm links the bin at install time even before `dist/` is built.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error("@xmcp-dev/workos is not built yet: run `npm run build` in the repository first.");
  process.exit(2);
}
await import(cli.href);
