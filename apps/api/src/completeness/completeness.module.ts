import { Module } from '@nestjs/common';
import { CompletenessController } from './completeness.controller';

@Module({ controllers: [CompletenessController] })
export class CompletenessModule {}
