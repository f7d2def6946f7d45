export * from './id-cipher.js';
export * from './id-key.js';
