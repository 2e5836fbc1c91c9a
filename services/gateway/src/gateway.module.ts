import {
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import type { NextFunction, Request, Response } from 'express';
import { CampaignsHttpController } from './campaigns/campaigns.http.controller';
import { HealthController } from './health/health.controller';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { strictValidationPipe, withoutCommentKeys } from './problem/validation';
import { RequestContext } from './request-context';

function stripCommentKeys(request: Request, _response: Response, next: NextFunction): void {
  request.body = withoutCommentKeys(request.body);
  next();
}

/** The public HTTP API: authentication, validation, problem details; forwards to services. */
@Module({})
export class GatewayModule implements NestModule {
  static forRoot(sender: CommandSender): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [CampaignsHttpController, HealthController],
      providers: [
        RequestContext,
        { provide: COMMAND_SENDER, useValue: sender },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: strictValidationPipe },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(stripCommentKeys).forRoutes('*path');
  }
}
