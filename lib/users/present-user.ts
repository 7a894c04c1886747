/**
 * What the API and the admin page show of users and tokens. Selected column by column so a
 * password hash or token hash can never reach a response or an audit event by accident.
 */
export const userSelect = { id: true, email: true, name: true, role: true, createdAt: true, updatedAt: true } as const;

export const tokenSelect = {
  id: true,
  userId: true,
  name: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;
