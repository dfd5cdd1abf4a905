import { describeDiscoveryAndSignIn } from "../../../e2e/suites/discovery-and-sign-in.js";
import { workerTarget } from "./helpers/wrangler-dev.js";

describeDiscoveryAndSignIn(workerTarget);
