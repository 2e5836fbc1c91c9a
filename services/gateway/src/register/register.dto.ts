import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';

/** The `{id}` of `/agencies/{id}/register`. */
export class AgencyRegisterParams {
  /** The agency's id. */
  @IsUUID()
  id!: string;
}

/** `GET /agencies/{id}/register?year=` (strict: any other parameter is refused). */
export class RegisterQueryDto {
  /** The register's calendar year, 1900 to 2999; default the current year in Asia/Ho_Chi_Minh. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  year?: number;

  /** The tenant, for a platform system-admin (who belongs to none); others may omit it. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  tenantId?: string;
}
