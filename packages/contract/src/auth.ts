import { z } from 'zod';

export const Email = z
  .email({ message: 'must be a valid email address' })
  .max(254)
  .transform((e) => e.trim().toLowerCase());

export const Password = z
  .string()
  .min(8, { message: 'must be at least 8 characters' })
  .max(128, { message: 'must be at most 128 characters' });

export const SignupRequest = z.object({ email: Email, password: Password });
export type SignupRequest = z.input<typeof SignupRequest>;

/** Login checks the password against the stored hash; only a length cap guards the hashing cost. */
export const LoginRequest = z.object({ email: Email, password: z.string().min(1).max(128) });
export type LoginRequest = z.input<typeof LoginRequest>;

export const User = z.object({
  id: z.string(),
  email: z.string(),
  createdAt: z.iso.datetime(),
  /** admin: may open the item statistics and reports (granted by `pnpm user:grant-admin`). */
  role: z.enum(['user', 'admin']),
});
export type User = z.infer<typeof User>;

export const UserResponse = z.object({ user: User });
export type UserResponse = z.infer<typeof UserResponse>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, { message: 'enter your current password' }).max(128),
  newPassword: Password,
});
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequest>;

/** Deleting the account asks for the password again: a borrowed, signed-in laptop is not enough. */
export const DeleteAccountRequest = z.object({
  password: z.string().min(1, { message: 'enter your password to confirm' }).max(128),
});
export type DeleteAccountRequest = z.input<typeof DeleteAccountRequest>;

/** From the one-time link an operator created with `pnpm user:reset-password`. */
export const ResetPasswordRequest = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'is not a reset link token' }),
  newPassword: Password,
});
export type ResetPasswordRequest = z.input<typeof ResetPasswordRequest>;

const Row = z.record(z.string(), z.unknown());

/** Everything stored about the user, as JSON (GDPR-style access and portability). */
export const AccountExportResponse = z.object({
  exportedAt: z.iso.datetime(),
  user: User,
  attempts: z.array(Row.and(z.object({ items: z.array(Row) }))),
  savedQuestions: z.array(Row),
  reviewCards: z.array(Row),
  sectionStats: z.array(Row),
  seenQuestions: z.array(Row),
  questionReports: z.array(Row),
});
export type AccountExportResponse = z.infer<typeof AccountExportResponse>;

/** Who is signed in, if anyone: answers 200 either way, so a signed-out visit logs no error. */
export const SessionResponse = z.object({ user: User.nullable() });
export type SessionResponse = z.infer<typeof SessionResponse>;
