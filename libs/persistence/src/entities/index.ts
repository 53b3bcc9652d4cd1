import { AgencyEventEntity } from './agency-event.entity';
import { ApiAuditEntity } from './api-audit.entity';
import { BulletinEntity } from './bulletin.entity';
import { AgencyChildProfileEntity, ChildIdentityObservationEntity } from './child-identity.entity';
import { AgencyChildEntity, ChildLinkChangeEntity, ChildLinkKeyEntity, NationalChildEntity } from './child-linkage.entity';
import { AgencyEpisodeEntity, NationalEpisodeEntity } from './episode.entity';
import { LinkageModelEntity, LinkageReviewEntity } from './linkage-model.entity';
import { AgencyActivityEntity, BreakdownDirtyWeekEntity, IncidenceRevisionEntity, PipelineStateEntity, WeeklyBreakdownEntity, WeeklyIncidenceEntity } from './weekly-incidence.entity';

export * from './agency-event.entity';
export * from './api-audit.entity';
export * from './bulletin.entity';
export * from './child-identity.entity';
export * from './child-linkage.entity';
export * from './episode.entity';
export * from './linkage-model.entity';
export * from './weekly-incidence.entity';

export const ENTITIES = [
  AgencyEventEntity, ChildIdentityObservationEntity, AgencyChildProfileEntity, AgencyChildEntity, ChildLinkKeyEntity,
  NationalChildEntity, ChildLinkChangeEntity, AgencyEpisodeEntity, NationalEpisodeEntity, WeeklyIncidenceEntity, PipelineStateEntity,
  WeeklyBreakdownEntity, IncidenceRevisionEntity, AgencyActivityEntity, BulletinEntity, ApiAuditEntity, BreakdownDirtyWeekEntity, LinkageModelEntity, LinkageReviewEntity,
];
