import { describeExampleTools } from "../../../e2e/suites/example-tools.js";
import { nextAppTarget } from "./helpers/next-start.js";

describeExampleTools(nextAppTarget);
