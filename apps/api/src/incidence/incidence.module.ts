import { Module } from '@nestjs/common';
import { IncidenceController } from './incidence.controller';
import { IncidenceQueryService } from './incidence-query.service';
import { ReleaseCalendarService } from './release-calendar.service';
import { WeeklyIncidenceService } from './weekly-incidence.service';

@Module({ controllers: [IncidenceController], providers: [WeeklyIncidenceService, IncidenceQueryService, ReleaseCalendarService] })
export class IncidenceModule {}
