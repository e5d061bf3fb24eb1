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
});
export type User = z.infer<typeof User>;

export const UserResponse = z.object({ user: User });
export type UserResponse = z.infer<typeof UserResponse>;
