import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiDefaultResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public, Roles } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CategoryResponse } from './calendar.dto';
import { CreateDepartmentDto } from './department.dto';
import { DepartmentResponse, DistrictResponse, MetaResponse, StatusResponse } from './reference.response';
import { ReferenceService } from './reference.service';

@ApiTags('reference data')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller()
export class ReferenceController {
  constructor(
    private readonly reference: ReferenceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('meta')
  @ApiOperation({ summary: 'What the web app needs before sign-in: the report time zone' })
  @ApiOkResponse({ type: MetaResponse })
  meta(): MetaResponse {
    return { reportTimezone: this.config.reportTimezone };
  }

  @Get('districts')
  @ApiOperation({ summary: 'County-level districts (县区); bodies and filters name one by its code' })
  @ApiOkResponse({ type: [DistrictResponse] })
  districts() {
    return this.reference.districts();
  }

  @Get('categories')
  @ApiOperation({ summary: 'Problem categories (问题类别); bodies and filters name one by its code' })
  @ApiOkResponse({ type: [CategoryResponse] })
  categories() {
    return this.reference.categories();
  }

  @Get('statuses')
  @ApiOperation({ summary: 'Problem statuses with their display labels (Chinese and English)' })
  @ApiOkResponse({ type: [StatusResponse] })
  statuses() {
    return this.reference.statuses();
  }

  @Get('departments')
  @ApiOperation({ summary: 'Responsible departments (责任单位)' })
  @ApiOkResponse({ type: [DepartmentResponse] })
  departments() {
    return this.reference.departments();
  }

  @Post('departments')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a department' })
  @ApiCreatedResponse({ type: DepartmentResponse })
  createDepartment(@Body() body: CreateDepartmentDto) {
    return this.reference.createDepartment(body);
  }
}
