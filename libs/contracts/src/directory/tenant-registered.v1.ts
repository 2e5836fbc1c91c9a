import { IsNotEmpty, IsString } from 'class-validator';

/** Routing key of {@link TenantRegisteredV1}. */
export const DIRECTORY_TENANT_REGISTERED_V1 = 'directory.tenant-registered.v1';

/** A tenant (a province or a ministry) was registered. */
export class TenantRegisteredV1 {
  /** The tenant's id (also the envelope's `tenantId`). */
  @IsString()
  @IsNotEmpty()
  tenantId!: string;

  /** Its code, unique among tenants. */
  @IsString()
  @IsNotEmpty()
  code!: string;

  /** Its first name, in force since always ("Tỉnh Bắc Kạn"). */
  @IsString()
  @IsNotEmpty()
  name!: string;
}
