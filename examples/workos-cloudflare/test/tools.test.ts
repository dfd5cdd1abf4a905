import { describeExampleTools } from "../../../e2e/suites/example-tools.js";
import { workerTarget } from "./helpers/wrangler-dev.js";

describeExampleTools(workerTarget);
