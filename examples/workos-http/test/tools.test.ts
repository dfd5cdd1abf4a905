import { describeExampleTools } from "../../../e2e/suites/example-tools.js";
import { exampleServerTarget } from "./helpers/example-server.js";

describeExampleTools(exampleServerTarget);
