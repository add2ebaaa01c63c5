import { Body, Controller, Get, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiDefaultResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser, Roles } from '../../access/auth-user';
import { ErrorResponse } from '../../common/error.response';
import { idParam } from '../../common/ids';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { drillDownCsv, drillDownXlsx } from '../drill-down/drill-down-file';
import { asAllItems, reconciliationCsv } from './published-file';
import { PublishBody, PublishedItemsQuery, PublishedListQuery, ReconciliationQuery } from './published.dto';
import { PublishedFigure, PublishedItemsPage, PublishedList, Reconciliation } from './published.response';
import { PublishedService } from './published.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Roles('manager', 'admin')
@Controller('reports/published')
export class PublishedController {
  constructor(
    private readonly published: PublishedService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Publishes a figure (发布): its exact items at its instant (now, pinned, when the period has not ended), with a checksum; the same figure again answers the stored one (200) or 409 PUBLISHED_DIFFERS',
  })
  @ApiCreatedResponse({ type: PublishedFigure, description: 'published now' })
  @ApiOkResponse({ type: PublishedFigure, description: 'already published, with the same items' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'published before with other items (PUBLISHED_DIFFERS)' })
  async publish(
    @CurrentUser() user: AuthUser,
    @Body() body: PublishBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PublishedFigure> {
    const { created, figure } = await this.published.publish(user, body);
    res.status(created ? 201 : 200);
    return figure;
  }

  @Get()
  @ApiOperation({ summary: 'Published figures, newest first' })
  @ApiOkResponse({ type: PublishedList })
  list(@Query() query: PublishedListQuery): Promise<PublishedList> {
    return this.published.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One published figure, as stored' })
  @ApiOkResponse({ type: PublishedFigure })
  get(@Param('id', idParam('published figure')) id: string): Promise<PublishedFigure> {
    return this.published.get(id);
  }

  @Get(':id/items')
  @ApiOperation({
    summary: "A published figure's stored items by item key (keyset pages), or every one as csv or xlsx",
  })
  @ApiOkResponse({ type: PublishedItemsPage })
  async items(
    @Param('id', idParam('published figure')) id: string,
    @Query() query: PublishedItemsQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PublishedItemsPage | string | StreamableFile> {
    const format = query.format ?? 'json';
    if (format === 'json') return this.published.items(id, query);
    const inNumerator = query.inNumerator === undefined ? undefined : query.inNumerator === 'true';
    const all = asAllItems(await this.published.withItems(id, inNumerator));
    const lang = query.lang ?? 'zh';
    const timezone = this.config.reportTimezone;
    res.setHeader('Content-Disposition', `attachment; filename="published-${all.scope.figure}-${id}.${format}"`);
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      return drillDownCsv(all, lang, timezone);
    }
    res.setHeader('Content-Type', XLSX);
    return new StreamableFile(await drillDownXlsx(all, lang, timezone));
  }

  @Get(':id/reconciliation')
  @ApiOperation({
    summary:
      'Reconciliation (口径核对): the figure recomputed under the current definition as of asOf (default now), and every item that moved since publishing, with reasons; or as csv',
  })
  @ApiOkResponse({ type: Reconciliation })
  async reconciliation(
    @Param('id', idParam('published figure')) id: string,
    @Query() query: ReconciliationQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Reconciliation | string> {
    const found = await this.published.reconcile(id, query.asOf);
    if ((query.format ?? 'json') === 'json') return found;
    res.setHeader('Content-Disposition', `attachment; filename="reconciliation-${id}.csv"`);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    return reconciliationCsv(found, this.config.reportTimezone);
  }
}
