// `npm run build` (and `gcp-build`, which Cloud Functions runs at deploy): compile functions/ and src/ to dist/
// as ESM JavaScript (tsconfig.build.json rewrites './x.ts' imports to './x.js'), then copy the declarative
// templates the code reads at run time next to it (paths are relative to the modules: dist/workspace-templates).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
cpSync('workspace-templates', 'dist/workspace-templates', { recursive: true });
