/** How outgoing mail leaves: by SMTP, or into the outbox folder (no mail server configured). */
export const emailTransports = ['smtp', 'outbox'] as const;
export type EmailTransport = (typeof emailTransports)[number];
