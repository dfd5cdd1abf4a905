// `npm run bench:processes -- --against bench/experiments/passthrough.ts --pad 850`
// The baseline's own middleware (bench/apps.ts builds it from this file): with `--pad`, the only difference between the two processes
// is a header as long as a bearer token on every request to this one, which shows what a
// token's bytes cost xmcp and Node before the plugin reads them.
export default function passThrough(_req: unknown, _res: unknown, next: () => void) {
  next();
}
