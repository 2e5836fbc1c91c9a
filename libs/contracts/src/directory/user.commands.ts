import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CommandContext } from '../campaign/commands';
import { ROLES, type Role } from './roles';

/** RPC pattern of {@link CreateUserCommand}, answered by `directory`. */
export const CREATE_USER = 'directory.create-user';
/** RPC pattern of {@link AuthenticateQuery}. */
export const AUTHENTICATE = 'directory.authenticate';
/** RPC pattern of {@link EnsureBootstrapAdminCommand}. */
export const ENSURE_BOOTSTRAP_ADMIN = 'directory.ensure-bootstrap-admin';
/** RPC pattern of {@link GetUsersQuery}. */
export const GET_USERS = 'directory.get-users';

/** The most user ids one {@link GetUsersQuery} may ask for. */
export const GET_USERS_MAX = 500;

/** Letters, digits and `. _ @ -`, 3 to 100 characters; compared without case. */
export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{3,100}$/;

/** Create a user with roles on an agency (or a unit of it). → `UserView` */
export class CreateUserCommand {
  /** Sender; `tenantId` is the agency's tenant. */
  @ValidateNested()
  @Type(() => CommandContext)
  context!: CommandContext;

  /** The new user's id, chosen by the sender. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  userId!: string;

  /** Unique without regard to case. */
  @IsString()
  @Matches(USERNAME_PATTERN)
  username!: string;

  /** At least 8 characters; stored only as an argon2id hash. */
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  /** The name shown for the user. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  /** The agency the roles are granted on; null only for a `system-admin`. */
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @IsNotEmpty()
  agencyId!: string | null;

  /** Grant the roles on this unit of the agency only. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  unitId?: string;

  /** The person of the agency this user is. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  personId?: string;

  /** The roles granted. */
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}

/** Check a username and password. → `AuthenticatedUser`, or `unauthorized` */
export class AuthenticateQuery {
  /** The username (any case). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;

  /** The password. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

/** Create the platform's system administrator unless the username exists. → `BootstrapAdminResult` */
export class EnsureBootstrapAdminCommand {
  /** The administrator's username. */
  @IsString()
  @Matches(USERNAME_PATTERN)
  username!: string;

  /** The administrator's password. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

/**
 * Look up users of a tenant by id (a council's members, say). → `{ items: UserView[] }`: the
 * users that exist in the tenant, with their grants, in no particular order; unknown ids (and
 * another tenant's users) are simply absent. Never a password hash.
 */
export class GetUsersQuery {
  /** The caller's tenant. */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** The users asked for: at most {@link GET_USERS_MAX}, each once. */
  @IsArray()
  @ArrayMaxSize(GET_USERS_MAX)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  userIds!: string[];
}
