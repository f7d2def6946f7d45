export * from './alert-queries.js';
export * from './alert-rules-setting.js';
export * from './alert-scope.js';
export * from './alert-workflow.js';
export * from './raise-alerts.js';
