import { SetMetadata } from '@nestjs/common';
import type { Role } from '@ttkt/contracts';

/** Metadata key of {@link Public}. */
export const PUBLIC_KEY = 'ttkt:public';
/** Metadata key of {@link Roles}. */
export const ROLES_KEY = 'ttkt:roles';

/** The route needs no token (health, sign-in). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/**
 * The caller must hold one of `roles` in some agency (`403 forbidden` otherwise); a
 * `system-admin` always passes. Whether the role is held in the resource's own agency is checked
 * once the agency is known, with `RequestContext.assertRole`.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);
