import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';

/** The dashboard at `/` (public page and assets; data through the authenticated API). */
@Module({ controllers: [DashboardController] })
export class DashboardModule {}
