import {
  Global,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import type { NextFunction, Request, Response } from 'express';
import { AuthModule } from './auth/auth.module';
import { CampaignsHttpModule } from './campaigns/campaigns-http.module';
import { DirectoryHttpModule } from './directory/directory-http.module';
import { DocumentsHttpModule } from './documents/documents-http.module';
import { HealthController } from './health/health.controller';
import { NominationsHttpModule } from './nominations/nominations-http.module';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import {
  assertAcceptableQuery,
  strictValidationPipe,
  withoutCommentKeys,
} from './problem/validation';
import { RegisterHttpModule } from './register/register-http.module';
import { ReviewHttpModule } from './review/review-http.module';
import { RequestContext } from './request-context';

function stripCommentKeys(request: Request, _response: Response, next: NextFunction): void {
  assertAcceptableQuery(request.query);
  request.body = withoutCommentKeys(request.body);
  next();
}

/** What every feature module of the gateway may inject: the RPC sender and the request's context. */
@Global()
@Module({})
class GatewayCoreModule {
  static forRoot(sender: CommandSender): DynamicModule {
    return {
      module: GatewayCoreModule,
      providers: [RequestContext, { provide: COMMAND_SENDER, useValue: sender }],
      exports: [RequestContext, COMMAND_SENDER],
    };
  }
}

/** The public HTTP API: authentication, validation, problem details; forwards to services. */
@Module({})
export class GatewayModule implements NestModule {
  static forRoot(sender: CommandSender): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        GatewayCoreModule.forRoot(sender),
        AuthModule,
        DirectoryHttpModule,
        CampaignsHttpModule,
        RegisterHttpModule,
        NominationsHttpModule,
        ReviewHttpModule,
        DocumentsHttpModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: strictValidationPipe },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(stripCommentKeys).forRoutes('*path');
  }
}
