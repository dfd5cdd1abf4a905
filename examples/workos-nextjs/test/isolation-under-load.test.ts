import { describeIsolationUnderLoad } from "../../../e2e/suites/isolation-under-load.js";
import { nextAppTarget } from "./helpers/next-start.js";

describeIsolationUnderLoad(nextAppTarget, { calls: 1_000, inFlight: 100 });
