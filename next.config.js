// Next.js configuration. The app is served by our own Node process (server/index.ts),
// so Next only renders pages and route handlers; websockets are routed by the server.
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Several dev servers (one per developer task) can share a checkout, each with its own build folder.
  distDir: process.env.KRING_NEXT_DIST_DIR || '.next',
  // Native and server-only packages stay out of the bundle and are loaded from node_modules.
  serverExternalPackages: ['better-sqlite3', 'kysely', 'pino', 'qrcode', 'pdfmake', '@resvg/resvg-js', 'yjs'],
  // Each page and route handler is loaded when it is first asked for, not all of them at start:
  // a fresh server idles in less memory and starts sooner; the first request to a page pays its
  // load once (README, Benchmarks: idle).
  experimental: { preloadEntriesOnStart: false },
  // Headers that are the same for every response. The Content-Security-Policy needs a fresh
  // nonce per page (proxy.ts), and HSTS depends on PUBLIC_URL at run time (server/app.ts).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ]
  },
}

export default nextConfig
