import { Controller, Get, Header, Logger, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { referenceData } from '@mcm/shared';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/public.decorator';
import { requestPath } from '../common/csv-response';
import { dashboardAssets, LoadedAsset, loadAsset } from './dashboard-assets';
import { dashboardConfig, renderDashboardPage } from './dashboard-page';

/**
 * The dashboard (issue 5): the page and its static files are public; the figures it shows come
 * from the API with the token the user signs in with.
 */
@Public()
@ApiExcludeController()
@Controller()
export class DashboardController {
  private readonly assets = new Map<string, LoadedAsset>();

  constructor() {
    const { assets, missing } = dashboardAssets();
    for (const [path, asset] of assets) this.assets.set(path, loadAsset(asset));
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
  asset(@Req() request: FastifyRequest, @Res() response: FastifyReply): void {
    const asset = this.assets.get(requestPath(request));
    if (!asset) throw new NotFoundException('no such file');
    // A client's current copy is answered 304 by the ETag hook (common/etag.ts).
    response.headers(asset.headers).send(asset.body);
  }
}
