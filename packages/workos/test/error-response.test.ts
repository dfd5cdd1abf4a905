import { describe, expect, it } from "vitest";
import { WorkOSAuthError } from "../src/errors.js";
import { errorResponse } from "../src/http/error-response.js";

const resourceMetadataURL = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp";

describe("WWW-Authenticate challenge", () => {
  it("escapes quotes and backslashes in every parameter, so no value can add a parameter of its own", () => {
    const error = new WorkOSAuthError("insufficient_scope", 'Needs "admin", realm="evil" \\', { requiredScopes: ['a"b', "c\\d"] });
    const answer = errorResponse(error, { resourceMetadataURL: `${resourceMetadataURL}?x="y"`, requiredScopes: [] });
    expect(answer.headers["www-authenticate"]).toBe(
      'Bearer error="insufficient_scope", error_description="Needs \\"admin\\", realm=\\"evil\\" \\\\", scope="a\\"b c\\\\d", ' +
        `resource_metadata="${resourceMetadataURL}?x=\\"y\\""`,
    );
  });

  it("replaces characters a header cannot carry", () => {
    const answer = errorResponse(new WorkOSAuthError("invalid_token", "bad\r\nSet-Cookie: x=1 é"), { resourceMetadataURL, requiredScopes: [] });
    expect(answer.headers["www-authenticate"]).toBe(
      `Bearer error="invalid_token", error_description="bad??Set-Cookie: x=1 ?", resource_metadata="${resourceMetadataURL}"`,
    );
  });
});
