import { z } from 'zod';
import { type ConfiguredUser, ROLES } from '../types';
import { fileObject, httpsUrl, id, list, sha256Hex, text } from './common';

// users.yaml: who may use the console, with which role, and the hash of their token.

const userSchema = z
  .strictObject({
    id,
    name: text,
    role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
    token_sha256: sha256Hex,
    email: z.email({ error: 'must be an email address' }).optional(),
    webhook: httpsUrl.optional(),
  })
  .transform(
    (user): ConfiguredUser => ({
      id: user.id,
      name: user.name,
      role: user.role,
      tokenSha256: user.token_sha256,
      email: user.email ?? null,
      webhook: user.webhook ?? null,
    }),
  );

export const usersFileSchema = fileObject({ users: list(userSchema) });

export type UsersFile = z.output<typeof usersFileSchema>;
