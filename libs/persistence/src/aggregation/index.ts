export * from './transaction';
export * from './agency-event.repository';
export * from './agency-episode.repository';
export * from './national-episode.repository';
export * from './agency-activity.repository';
export * from './pipeline-state.repository';
export * from './batch-context.repository';
export * from './planner-statistics';
