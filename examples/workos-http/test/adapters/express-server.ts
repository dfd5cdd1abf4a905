// An Express application serving the example's tools through xmcp's `express` adapter, with
// @xmcp-dev/workos in front: what the README's Express section shows. Run by Node as is (its types
// are erasable); XMCP_ADAPTER names the built `.xmcp/adapter/index.js`.
import { createRequire } from "node:module";
import express, { type Request, type Response } from "express";
import { workosProvider } from "@xmcp-dev/workos/express";
import { emulatorOptions } from "./emulator-options.ts";

type XmcpHandler = (req: Request, res: Response) => Promise<void>;
const { xmcpHandler } = createRequire(import.meta.url)(process.env.XMCP_ADAPTER!) as { xmcpHandler: XmcpHandler };

const app = express();
app.use(express.json());
app.use(workosProvider(emulatorOptions(process.env)));
app.post("/mcp", xmcpHandler);
app.get("/mcp", xmcpHandler);
app.listen(Number(new URL(process.env.BASE_URL!).port), "127.0.0.1");
