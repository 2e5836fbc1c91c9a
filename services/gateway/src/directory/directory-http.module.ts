import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AgenciesHttpController } from './agencies.http.controller';
import { ImportUploadMiddleware } from './import-upload.middleware';
import { PeopleHttpController } from './people.http.controller';
import { TenantsHttpController } from './tenants.http.controller';
import { UsersHttpController } from './users.http.controller';

/** The gateway's `directory` routes: tenants, agencies, units, people, holds, users, imports. */
@Module({
  controllers: [
    TenantsHttpController,
    AgenciesHttpController,
    PeopleHttpController,
    UsersHttpController,
  ],
})
export class DirectoryHttpModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(ImportUploadMiddleware)
      .forRoutes({ path: 'api/v1/agencies/:id/imports', method: RequestMethod.POST });
  }
}
