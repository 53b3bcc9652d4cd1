import { Module } from '@nestjs/common';
import { IncidenceController } from './incidence.controller';
import { WeeklyIncidenceService } from './weekly-incidence.service';

@Module({ controllers: [IncidenceController], providers: [WeeklyIncidenceService] })
export class IncidenceModule {}
