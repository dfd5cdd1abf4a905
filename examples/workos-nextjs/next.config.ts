import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // `npm run lint` type-checks the app with the rest of the repository; checking it again here
  // would add most of a minute to every build.
  typescript: { ignoreBuildErrors: true },
  // The build cache speeds up the next build on the same machine; the tests build once, on a clean clone.
  experimental: { turbopackFileSystemCacheForBuild: false },
};

export default nextConfig;
