import { describeDiscoveryAndSignIn } from "../../../e2e/suites/discovery-and-sign-in.js";
import { exampleServerTarget } from "./helpers/example-server.js";

describeDiscoveryAndSignIn(exampleServerTarget);
