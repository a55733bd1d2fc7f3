/**
 * The fork flow. A pull request from a fork runs with a read-only token, so the gate cannot comment;
 * it uploads a small report artifact instead (`<artifact-name>-report`: markdown, JSON report, PR
 * number, head SHA). A second workflow, triggered by `workflow_run` in the base repository with a
 * write token, runs evalgate with `mode: publish`: it downloads that artifact from the triggering run,
 * checks which PR it belongs to and that the PR's head has not moved, and posts comment and check.
 *
 * The artifact was produced by the fork's code and is untrusted: the JSON is validated field by field
 * and re-rendered (escaped) here; the shipped markdown is never posted as is; links are kept only when
 * they point at this repository's runs.
 */
export { REPORT_FILES, reportArtifactName, type ReportArtifactMeta } from './format.js';
export { parseUntrustedReport } from './parse.js';
export { runPublishMode, type PublishModeOptions, type PublishModeResult } from './publish.js';
export { uploadReportArtifact } from './upload.js';
