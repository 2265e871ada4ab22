#!/usr/bin/env node
// The `sourcing` CLI entry. The project is TypeScript run directly through tsx (no build step), so this shim
// registers tsx's loader and hands over to src/cli/main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
