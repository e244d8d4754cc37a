const isDev = process.env.NODE_ENV !== 'production';

// Security headers for every response. Next's own inline bootstrap scripts need
// 'unsafe-inline' (no nonce middleware here); the dev server also needs 'unsafe-eval'.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'exceljs', 'unzipper'],
  poweredByHeader: false,
  // Excel imports arrive through a server action. The import accepts files up to 10 MB
  // (IMPORT_LIMITS.bytes) and says so in Vietnamese; the body limit leaves room above that for
  // the multipart envelope, so a file just under or over 10 MB reaches that message instead of
  // Next's own English error page (the form also checks the size before sending).
  // The proxy (proxy.ts) buffers each request body too, 10 MB by default: the same room above it.
  experimental: { serverActions: { bodySizeLimit: '12mb' }, proxyClientMaxBodySize: '12mb' },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
