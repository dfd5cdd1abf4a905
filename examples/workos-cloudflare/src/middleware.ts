import { workos } from "./auth";

export default workos.middleware;
