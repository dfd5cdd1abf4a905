// The bench runs TypeScript with Node's type stripping, and reuses the e2e helpers, which import
// each other as "./x.js" (the bundler convention the repository's tsconfig uses). Node resolves
// specifiers literally, so a relative ".js" that does not exist is retried as ".ts".
import { registerHooks } from "node:module";

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const relative = specifier.startsWith("./") || specifier.startsWith("../");
      if (error?.code !== "ERR_MODULE_NOT_FOUND" || !relative || !specifier.endsWith(".js")) throw error;
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    }
  },
});
