import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/**
 * For the demo: make sure .env.local holds an AUTH_SECRET (Auth.js signs session cookies with
 * it; production refuses to start without one). A real deployment sets its own secret.
 */
const file = '.env.local';
const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
if (!/^AUTH_SECRET=/m.test(current) && !process.env.AUTH_SECRET) {
  const secret = randomBytes(32).toString('base64');
  appendFileSync(file, `${current && !current.endsWith('\n') ? '\n' : ''}AUTH_SECRET=${secret}\nAUTH_TRUST_HOST=true\n`);
  console.log('generated AUTH_SECRET in .env.local for the demo');
}
