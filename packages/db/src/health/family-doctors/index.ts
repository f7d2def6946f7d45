export * from './contract-read.js';
export * from './contracts.js';
export * from './key-population-flags.js';
export * from './service-packages.js';
export * from './team-read.js';
export * from './teams.js';
export * from './team-panel.js';
