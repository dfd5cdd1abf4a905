import { workos } from "../../../src/auth";

/** AuthKit's RFC 8414 metadata, for clients that look for it on the resource server. */
export const { discovery: GET, discovery: OPTIONS } = workos;
