import { Body, Controller, Headers, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiDefaultResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { CreateVisitDto } from './visit.dto';
import { VisitResponse } from './visit.response';
import { VisitsService } from './visits.service';

@ApiTags('visits')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('visits')
export class VisitsController {
  constructor(
    private readonly visits: VisitsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post()
  @Roles('official', 'manager', 'admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retries with the same key create nothing new' })
  @ApiOperation({ summary: 'Log a visit with its officials, policies promoted and problems raised, all or nothing' })
  @ApiCreatedResponse({ type: VisitResponse })
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateVisitDto,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.idempotency.run(user.id, key, { route: 'POST /visits', body }, (em) =>
      this.visits.create(em, user, body),
    );
  }
}
