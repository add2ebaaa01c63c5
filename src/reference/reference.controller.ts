import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/auth-user';
import { CreateDepartmentDto } from './department.dto';
import { ReferenceService } from './reference.service';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('districts')
  @ApiOperation({ summary: 'County-level districts (县区); bodies and filters name one by its code' })
  districts() {
    return this.reference.districts();
  }

  @Get('categories')
  @ApiOperation({ summary: 'Problem categories (问题类别); bodies and filters name one by its code' })
  categories() {
    return this.reference.categories();
  }

  @Get('statuses')
  @ApiOperation({ summary: 'Problem statuses with their display labels (Chinese and English)' })
  statuses() {
    return this.reference.statuses();
  }

  @Get('departments')
  @ApiOperation({ summary: 'Responsible departments (责任单位)' })
  departments() {
    return this.reference.departments();
  }

  @Post('departments')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a department' })
  createDepartment(@Body() body: CreateDepartmentDto) {
    return this.reference.createDepartment(body);
  }
}
