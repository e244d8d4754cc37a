/**
 * The e2e server sends its e-mail (the reminder digest) to an SMTP server that a spec starts in its
 * own process on this port (E2E_PORT + 1000, so two checkouts side by side do not collide).
 */
export const E2E_SMTP_PORT = Number(process.env.E2E_PORT || 3100) + 1000;

/** The mail settings e2e/serve.ts gives the server. */
export const E2E_SMTP_ENV = {
  SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
  SMTP_FROM: 'Hạt nhân <nhacviec@hatnhan.test>',
} as const;
