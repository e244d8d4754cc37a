const uploadMb = Number(process.env.UPLOAD_MAX_MB) > 0 ? Number(process.env.UPLOAD_MAX_MB) : 20;
const bodyLimit = `${Math.ceil(Math.max(10, uploadMb)) + 2}mb`;

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'exceljs', 'unzipper'],
  poweredByHeader: false,
  // Excel imports arrive through a server action. The import accepts files up to 10 MB
  // (IMPORT_LIMITS.bytes) and says so in Vietnamese; the body limit leaves room above that for
  // the multipart envelope, so a file just under or over 10 MB reaches that message instead of
  // Next's own English error page (the form also checks the size before sending).
  // The proxy (proxy.ts) buffers each request body too, 10 MB by default: the same room above it.
  // Papers' scans arrive the same way, up to UPLOAD_MAX_MB (20 MB by default, lib/files/types.ts)
  // per attachment: the limit is the larger of the two, with the same room above it.
  experimental: { serverActions: { bodySizeLimit: bodyLimit }, proxyClientMaxBodySize: bodyLimit },
  // The Content Security Policy, with a nonce per page, is set in proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
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
