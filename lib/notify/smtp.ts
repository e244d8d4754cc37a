import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';

/**
 * The mail server is configuration (README, "Configuration"):
 * - SMTP_URL, e.g. smtps://user:password@mail.example.vn:465 or smtp://mail.example.vn:587; or
 * - SMTP_HOST with SMTP_PORT (default 587), SMTP_USER, SMTP_PASSWORD, SMTP_SECURE=1 (TLS from
 *   the start, port 465; otherwise STARTTLS when the server offers it);
 * - SMTP_FROM, the sender (default "Hạt nhân <no-reply@localhost>").
 * Neither SMTP_URL nor SMTP_HOST: e-mail is off, and the portal says so on the profile page.
 */
export type SmtpSettings = { transport: string | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } }; from: string };

export function smtpSettings(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  const from = env.SMTP_FROM?.trim() || 'Hạt nhân <no-reply@localhost>';
  const url = env.SMTP_URL?.trim();
  if (url) return { transport: url, from };
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const secure = env.SMTP_SECURE === '1' || env.SMTP_SECURE === 'true';
  const port = Number(env.SMTP_PORT) || (secure ? 465 : 587);
  const user = env.SMTP_USER?.trim();
  return { transport: { host, port, secure, auth: user ? { user, pass: env.SMTP_PASSWORD ?? '' } : undefined }, from };
}

/** Is a mail server configured (the profile page says e-mail is off when not)? */
export function mailEnabled(): boolean {
  return smtpSettings() !== null;
}

/** A nodemailer transport for the configured server, or null when e-mail is off. */
export function smtpTransport(settings = smtpSettings()): { transporter: Transporter; from: string } | null {
  if (!settings) return null;
  return { transporter: nodemailer.createTransport(settings.transport), from: settings.from };
}
