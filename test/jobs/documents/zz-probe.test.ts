import { it } from 'vitest';
import { execSync } from 'node:child_process';
import { buildDocuments } from '../../../src/jobs/build-documents.ts';
import { startSampleWorkspace } from './sample-workspace.ts';
it('probe', async () => {
  const sw = await startSampleWorkspace('2026-03-02');
  const r = await buildDocuments(sw.deps());
  console.log(JSON.stringify({ problems: r.problems }, null, 1));
  execSync(`rm -rf /tmp/i11 && mkdir -p /tmp/i11 && cp -r "${sw.ws.dir}/drive" /tmp/i11/`);
  await sw.close();
}, 120000);
