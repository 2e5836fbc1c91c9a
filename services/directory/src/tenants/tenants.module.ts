import { Module } from '@nestjs/common';
import { StreamWriter } from '../stream-writer';
import { TenantCommands } from './tenant-commands';
import { TenantsQueryController } from './read-tenants/tenants.query';
import { RegisterTenantController } from './register-tenant/register-tenant.controller';
import { RenameTenantController } from './rename-tenant/rename-tenant.controller';

/** Tenants: register, rename, read. */
@Module({
  controllers: [RegisterTenantController, RenameTenantController, TenantsQueryController],
  providers: [StreamWriter, TenantCommands],
})
export class TenantsModule {}
