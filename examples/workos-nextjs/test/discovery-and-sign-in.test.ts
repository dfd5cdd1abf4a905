import { describeDiscoveryAndSignIn } from "../../../e2e/suites/discovery-and-sign-in.js";
import { nextAppTarget } from "./helpers/next-start.js";

describeDiscoveryAndSignIn(nextAppTarget);
