import { describeAdapterApplication } from "./adapter-suite.js";

describeAdapterApplication("express", "express-server.ts", "xmcp's express adapter behind workosProvider()");
