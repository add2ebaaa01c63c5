import { OmitType } from '@nestjs/swagger';
import { ResolutionRateQuery } from '../report.dto';

/** A period (or from and to) and asOf, as the other reports take them. */
export class BouncedQuery extends OmitType(ResolutionRateQuery, ['groupBy'] as const) {}
