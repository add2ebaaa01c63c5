import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiDefaultResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { type AuthUser, CurrentUser, Public, Roles } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { idParam } from '../common/ids';
import { TrackingThrottleGuard } from './tracking-throttle.guard';
import { RatingDto } from './tracking.dto';
import { RatingResponse, TrackingLinkResponse, TrackResponse } from './tracking.response';
import { TrackingService } from './tracking.service';
import { trackingQrSvg } from './tracking-qr';

const problemId = idParam('problem');

/** The origin the enterprise's link points at when PUBLIC_URL is not set: the one this request came to. */
function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** The address a limit counts against. */
function addressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

@ApiTags('tracking')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('problems')
export class TrackingLinksController {
  constructor(private readonly tracking: TrackingService) {}

  @Post(':id/tracking-link')
  @Roles('official', 'manager', 'admin')
  @ApiOperation({
    summary: "The enterprise's tracking link (跟踪链接): the same one again while it is valid, else a new one",
  })
  @ApiCreatedResponse({ type: TrackingLinkResponse })
  link(@CurrentUser() user: AuthUser, @Param('id', problemId) id: string, @Req() req: Request) {
    return this.tracking.link(user, id, originOf(req));
  }

  @Delete(':id/tracking-link')
  @HttpCode(204)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: "Revoke the problem's tracking links; the next request for a link makes a new one" })
  @ApiNoContentResponse({ description: 'revoked (also when there was none)' })
  async revoke(@CurrentUser() user: AuthUser, @Param('id', problemId) id: string): Promise<void> {
    await this.tracking.revoke(user, id);
  }

  @Get(':id/tracking-link/qr.svg')
  @Roles('official', 'manager', 'admin')
  @ApiOperation({ summary: 'The tracking link in force as a QR code (SVG); 404 until a link has been made' })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'an SVG image', schema: { type: 'string' } })
  async qr(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const svg = await trackingQrSvg(await this.tracking.currentUrl(user, id, originOf(req)));
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.send(svg);
  }
}

/**
 * The enterprise's own routes: no sign-in, the token in the path. Their own limits (TrackingLimiter)
 * replace the general one; every answer is `no-store` and sends no referrer.
 */
@ApiTags('tracking')
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error; 404 alike for unknown, expired and revoked links' })
@Public()
@SkipThrottle()
@UseGuards(TrackingThrottleGuard)
@Controller('track')
export class TrackController {
  constructor(private readonly tracking: TrackingService) {}

  @Get(':token')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiOperation({ summary: 'What the enterprise sees of its problem (跟踪页): no names, no internal notes, no ids' })
  @ApiOkResponse({ type: TrackResponse })
  track(@Param('token') token: string, @Req() req: Request) {
    return this.tracking.track(token, addressOf(req));
  }

  @Post(':token/rating')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiOperation({
    summary: 'The enterprise rates the resolved problem (评价): satisfied closes it, unsatisfied sends it back; once',
  })
  @ApiCreatedResponse({ type: RatingResponse })
  rate(@Param('token') token: string, @Body() body: RatingDto, @Req() req: Request) {
    return this.tracking.rate(token, addressOf(req), body);
  }
}
