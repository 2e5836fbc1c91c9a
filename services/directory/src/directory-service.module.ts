import { Module } from '@nestjs/common';
import { AgenciesModule } from './agencies/agencies.module';
import { ImportPeopleModule } from './import-people/import-people.module';
import { PeopleModule } from './people/people.module';
import { TenantsModule } from './tenants/tenants.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';

/** The directory service: tenants, agencies, units, people and their holds, user accounts. */
@Module({
  imports: [
    TenantsModule,
    AgenciesModule,
    UnitsModule,
    PeopleModule,
    UsersModule,
    ImportPeopleModule,
  ],
})
export class DirectoryServiceModule {}
