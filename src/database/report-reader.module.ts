import { Global, Module } from '@nestjs/common';
import { ReportReader } from './report-reader';

/** The report reader, injectable everywhere like the data source it stands beside. */
@Global()
@Module({ providers: [ReportReader], exports: [ReportReader] })
export class ReportReaderModule {}
