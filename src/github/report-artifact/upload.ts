/** The gate's half of the fork flow: writes the report artifact's files and uploads them. */
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArtifactStore } from '../artifacts.js';
import { REPORT_FILES, reportArtifactName, type ReportArtifactMeta } from './format.js';

/** Writes the report artifact's files into a fresh folder and uploads them. */
export async function uploadReportArtifact(
  store: ArtifactStore,
  opts: {
    artifactName: string;
    dir: string;
    markdown: string;
    reportJson: string;
    meta: ReportArtifactMeta;
    retentionDays?: number;
  },
): Promise<string> {
  const name = reportArtifactName(opts.artifactName);
  mkdirSync(opts.dir, { recursive: true });
  const files = [
    [REPORT_FILES.markdown, opts.markdown],
    [REPORT_FILES.json, opts.reportJson],
    [REPORT_FILES.meta, JSON.stringify(opts.meta, null, 2) + '\n'],
  ].map(([f, text]) => {
    const p = join(opts.dir, f);
    writeFileSync(p, text);
    return p;
  });
  await store.upload(name, files, opts.dir, opts.retentionDays);
  core.info(
    `Uploaded the report as artifact "${name}" for a workflow_run workflow to publish (mode: publish)`,
  );
  return name;
}
