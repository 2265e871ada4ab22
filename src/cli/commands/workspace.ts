import type { Config } from '../../config/config.ts';
import { startWorkspace } from '../../local/server.ts';
import { EXIT } from '../exit-codes.ts';
import type { Printer } from '../output.ts';
import { untilInterrupted } from '../signals.ts';

/** `sourcing workspace`: only the local workspace, until Ctrl-C. */
export async function runWorkspace(config: Config, print: Printer): Promise<number> {
  const workspace = await startWorkspace({
    port: config.workspace.port,
    dir: config.workspace.dir,
    token: config.workspace.token,
    speed: config.workspace.speed,
  });
  print.out(print.json ? JSON.stringify({ url: workspace.url, dir: workspace.dir }) : `workspace ready at ${workspace.url}`);
  await untilInterrupted();
  await workspace.close();
  return EXIT.ok;
}
