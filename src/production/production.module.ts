import { Module } from '@nestjs/common';
import { ProductionController } from './production.controller';
import { ProductionRepository } from './production.repository';
import { ProductionService } from './production.service';

/** Production status (daily monitoring) of enterprises: events, the latest status, and its figures. */
@Module({ controllers: [ProductionController], providers: [ProductionRepository, ProductionService] })
export class ProductionModule {}
