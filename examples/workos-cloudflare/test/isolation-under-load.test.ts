import { describeIsolationUnderLoad } from "../../../e2e/suites/isolation-under-load.js";
import { workerTarget } from "./helpers/wrangler-dev.js";

describeIsolationUnderLoad(workerTarget, { calls: 1_000, inFlight: 100 });
