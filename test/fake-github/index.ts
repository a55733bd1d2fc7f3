/** The fake GitHub used by test/github and test/e2e. */
export * from './server.js';
export { makeZip, readZip } from './zip.js';
export { OpenApiValidator } from './openapi.js';
export * from './payloads.js';
