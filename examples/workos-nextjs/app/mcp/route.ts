import { xmcpHandler } from "@xmcp/adapter";
import { workos } from "../../src/auth";

const handler = workos.protect(xmcpHandler);

export { handler as GET, handler as POST };
