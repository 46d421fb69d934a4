// The seeded System Administrator's login, for the OAuth password grant and the authorize page. A local,
// well-known credential: the emulator is bound to 127.0.0.1 and holds sample data only.
export const SEEDED_ADMIN_CREDENTIALS = {
  username: 'admin@switchboard.test',
  password: 'switchboard'
} as const;
