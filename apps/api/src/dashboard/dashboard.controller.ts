import { Controller, Get, Header, Logger, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { referenceData } from '@mcm/shared';
import { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { AssetFile, dashboardAssets } from './dashboard-assets';
import { dashboardConfig, renderDashboardPage } from './dashboard-page';

/**
 * The dashboard (issue 5): the page and its static files are public; the figures it shows come
 * from the API with the token the user signs in with.
 */
@Public()
@ApiExcludeController()
@Controller()
export class DashboardController {
  private readonly assets: Map<string, AssetFile>;

  constructor() {
    const { assets, missing } = dashboardAssets();
    this.assets = assets;
    // The API still serves its data without the dashboard's files; say which are missing.
    if (missing.length > 0) new Logger(DashboardController.name).warn(`dashboard files missing, answered with 404: ${missing.join(', ')}`);
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  page(): string {
    return renderDashboardPage(dashboardConfig(referenceData()));
  }

  @Get(['dashboard/:file', 'dashboard/vendor/:file', 'assets/fonts/:file', 'assets/images/:file'])
  asset(@Req() request: Request, @Res() response: Response): void {
    const asset = this.assets.get(request.path);
    if (!asset) throw new NotFoundException('no such file');
    response.setHeader('Cache-Control', asset.immutable ? 'public, max-age=86400' : 'no-cache');
    response.sendFile(asset.file, (error) => {
      if (error && !response.headersSent) response.status(404).end();
    });
  }
}
