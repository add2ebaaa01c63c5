import { InitialSchema1764000000000 } from './1764000000000-InitialSchema';
import { ReferenceData1764000000001 } from './1764000000001-ReferenceData';
import { ManagersTools1764100000000 } from './1764100000000-ManagersTools';
import { WorkingDaysEndExclusive1764100000001 } from './1764100000001-WorkingDaysEndExclusive';
import { LoginThrottle1764200000000 } from './1764200000000-LoginThrottle';
import { ProvinceScale1764300000000 } from './1764300000000-ProvinceScale';
import { HandlerQueue1764400000000 } from './1764400000000-HandlerQueue';
import { HolidayPackageCalendar1764520000000 } from './1764520000000-HolidayPackageCalendar';
import { SignInAttacks1764600000000 } from './1764600000000-SignInAttacks';
import { EnterpriseChanges1764610000000 } from './1764610000000-EnterpriseChanges';
import { Outreach1764700000000 } from './1764700000000-Outreach';
import { ResponsibilityNote1764710000000 } from './1764710000000-ResponsibilityNote';
import { WarningUnassigned1764730000000 } from './1764730000000-WarningUnassigned';
import { SavedViews1764770000000 } from './1764770000000-SavedViews';
import { KeyProjects1764800000000 } from './1764800000000-KeyProjects';
import { RestoreWritesRowsAsTheyWere1764800000001 } from './1764800000001-RestoreWritesRowsAsTheyWere';
import { WatchWarnings1764820000000 } from './1764820000000-WatchWarnings';
import { Deadlines1764900000000 } from './1764900000000-Deadlines';
import { AssistingDepartments1764910000000 } from './1764910000000-AssistingDepartments';
import { Supervision1764920000000 } from './1764920000000-Supervision';
import { AssessmentWeights1764930000000 } from './1764930000000-AssessmentWeights';
import { Notifications1765000000000 } from './1765000000000-Notifications';
import { TrackingLinks1765010000000 } from './1765010000000-TrackingLinks';
import { Attachments1765020000000 } from './1765020000000-Attachments';
import { PublishedFigures1765100000000 } from './1765100000000-PublishedFigures';
import { SettledFigures1765200000000 } from './1765200000000-SettledFigures';
import { SettledFiguresRegroupOnce1765200000001 } from './1765200000001-SettledFiguresRegroupOnce';
import { OpenProblemWarningIndexes1765300000000 } from './1765300000000-OpenProblemWarningIndexes';
import { LiveBases1765400000000 } from './1765400000000-LiveBases';
import { WeeklyReportIndexes1765400000001 } from './1765400000001-WeeklyReportIndexes';
import { SignForDeadlineIndex1765500000000 } from './1765500000000-SignForDeadlineIndex';
import { OpenDueIndexCarriesActivity1765500000001 } from './1765500000001-OpenDueIndexCarriesActivity';
import { LiveBasesByEnterprise1765600000000 } from './1765600000000-LiveBasesByEnterprise';

/** Every migration, oldest first. A committed migration is never edited: add a new one here. */
export const migrations = [
  InitialSchema1764000000000,
  ReferenceData1764000000001,
  ManagersTools1764100000000,
  WorkingDaysEndExclusive1764100000001,
  LoginThrottle1764200000000,
  ProvinceScale1764300000000,
  HandlerQueue1764400000000,
  HolidayPackageCalendar1764520000000,
  SignInAttacks1764600000000,
  EnterpriseChanges1764610000000,
  Outreach1764700000000,
  ResponsibilityNote1764710000000,
  WarningUnassigned1764730000000,
  SavedViews1764770000000,
  KeyProjects1764800000000,
  RestoreWritesRowsAsTheyWere1764800000001,
  WatchWarnings1764820000000,
  Deadlines1764900000000,
  AssistingDepartments1764910000000,
  Supervision1764920000000,
  AssessmentWeights1764930000000,
  Notifications1765000000000,
  TrackingLinks1765010000000,
  Attachments1765020000000,
  PublishedFigures1765100000000,
  SettledFigures1765200000000,
  SettledFiguresRegroupOnce1765200000001,
  OpenProblemWarningIndexes1765300000000,
  LiveBases1765400000000,
  WeeklyReportIndexes1765400000001,
  SignForDeadlineIndex1765500000000,
  OpenDueIndexCarriesActivity1765500000001,
  LiveBasesByEnterprise1765600000000,
];
