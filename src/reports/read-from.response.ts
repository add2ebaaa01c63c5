import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import type { ReadFrom } from '../database/report-reader';

/** Where a report was read when not from the primary: the replica, and how far it had replayed. */
export class ReadFromResponse implements ReadFrom {
  @ApiProperty({ enum: ['replica'] })
  source: 'replica';

  @ApiProperty({
    format: 'date-time',
    description: 'the replica held every change committed on the primary before this instant',
  })
  replayedTo: string;
}

/** The `readFrom` property of every report that has an `asOf`. */
export const READ_FROM_PROPERTY: ApiPropertyOptions = {
  type: ReadFromResponse,
  required: false,
  description:
    'present when a read replica (DATABASE_REPLICA_URL) answered: "now" is then capped to what it held, so asOf ≤ replayedTo',
};
