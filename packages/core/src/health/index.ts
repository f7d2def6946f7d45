export * from './programs.js';
