import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestIssuer } from "./helpers/issuer.js";

let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await TestIssuer.start();
});
afterAll(() => issuer.stop());

describe("the ESM and CJS builds loaded side by side in one process", () => {
  it("share errors, the request context and the client", async () => {
    const script = fileURLToPath(new URL("./fixtures/dual-load.mjs", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [script], {
      env: { ...process.env, ISSUER_URL: issuer.url, TOKEN: await issuer.token({ role: "member" }) },
    });
    expect(JSON.parse(stdout)).toEqual({
      distinctCopies: true,
      clientBeforeProvider: "WorkOSContextError:client_not_initialized:true",
      clientAcrossCopies: true,
      instanceOf: {
        cjsAuthErrorIsEsmAuthError: true,
        cjsAuthErrorIsEsmBase: true,
        cjsAuthErrorIsEsmAccessDenied: false,
        esmAccessDeniedIsCjsAccessDenied: true,
        esmAccessDeniedIsWebBase: true,
        esmAccessDeniedIsCjsApiError: false,
        plainErrorIsBase: false,
        stillAnError: true,
      },
      authenticated: true,
      sessionAcrossCopies: ["user_01TEST", "user_01TEST", "org_01TEST"],
      sessionAfterwards: "WorkOSContextError:no_session:true",
    });
  });
});
