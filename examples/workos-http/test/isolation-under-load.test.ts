import { describeIsolationUnderLoad } from "../../../e2e/suites/isolation-under-load.js";
import { exampleServerTarget } from "./helpers/example-server.js";

describeIsolationUnderLoad(exampleServerTarget, { calls: 10_000, inFlight: 50 });
