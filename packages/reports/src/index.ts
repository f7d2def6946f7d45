export * from './evaluation-docx.js';
export * from './evaluation-xlsx.js';
export * from './plan-workbook.js';
export * from './report-model.js';
export * from './report-summary.js';
export * from './status-labels.js';
export * from './value-import.js';
export * from './value-template.js';
