import { Module } from '@nestjs/common';
import { StreamWriter } from '../stream-writer';
import { CreateUnitController } from './create-unit/create-unit.controller';
import { UnitsQueryController } from './read-units/units.query';

/** Units of agencies: create, list. */
@Module({ controllers: [CreateUnitController, UnitsQueryController], providers: [StreamWriter] })
export class UnitsModule {}
