import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A separate build folder lets a second build (a test run) proceed beside a running app.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native database drivers are loaded by Node at run time, not bundled; so is pdfkit, which
  // reads its data files from its own folder (the invoice PDF's fonts are resolved from node_modules).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "pdfkit"],
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the same tsconfig just before it builds; checking the
  // types a second time inside the build only costs time.
  typescript: { ignoreBuildErrors: process.env.HOURBOOK_TYPES_CHECKED === "1" },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // No page of ours is meant to be framed: sign-in and consent must not be clickjacked.
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

export default nextConfig;
