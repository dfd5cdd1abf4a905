import { readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Workers bundlers (xmcp's `--cf` build) resolve only what the runtime provides under
// `nodejs_compat` and leave just `async_hooks` to it: one static `node:crypto` or Express import
// anywhere behind `@xmcp-dev/workos/web` (or behind `@xmcp-dev/workos` under the `workerd`
// condition) and the Worker fails to start. This follows the built ESM files' imports.

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const packageJson = JSON.parse(readFileSync(path.resolve(dist, "../package.json"), "utf8")) as {
  exports: Record<string, Record<string, { import?: { default: string } }>>;
};

function bareImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/(?:^|[\s;])(?:import|export)\b[^"';]*?from\s*"([^"]+)"|import\s*\(\s*"([^"]+)"\s*\)/g)) {
      if (!specifier) continue;
      if (specifier.startsWith(".")) visit(path.resolve(path.dirname(file), specifier));
      else bare.add(specifier);
    }
  };
  visit(path.resolve(dist, entry));
  return bare;
}

/** The Node built-ins among `specifiers`, without the `node:` prefix (the build may write either). */
function nodeModules(specifiers: string[]): string[] {
  return specifiers.filter((specifier) => isBuiltin(specifier)).map((specifier) => specifier.replace(/^node:/, ""));
}

describe("the web entry point", () => {
  it("imports no Node module but node:async_hooks, and nothing of Express", () => {
    const imports = [...bareImports("web.js")];
    expect(nodeModules(imports)).toEqual(["async_hooks"]);
    expect(imports.filter((specifier) => /^(express|router|body-parser)(\/|$)/.test(specifier))).toEqual([]);
  });

  it("is told apart from the Node entry, which does import node:crypto (its JWT verifier)", () => {
    expect(nodeModules([...bareImports("index.js")])).toContain("crypto");
  });

  it("is what a Workers bundler gets for `@xmcp-dev/workos` (the `workerd` condition)", () => {
    expect(packageJson.exports["."]!.workerd?.import?.default).toBe("./dist/web.js");
    expect(Object.keys(packageJson.exports["."]!)[0]).toBe("workerd");
  });
});
