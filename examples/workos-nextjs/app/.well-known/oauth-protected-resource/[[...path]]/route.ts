import { workos } from "../../../../src/auth";

/** RFC 9728 metadata at the root and at the path clients compute from the endpoint (`/mcp`). */
export const { discovery: GET, discovery: OPTIONS } = workos;
