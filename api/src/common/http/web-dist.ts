import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built SPA (web/dist) seen from this file, whether it runs from source or the build. */
export function findWebDist(): string | undefined {
  return [join(__dirname, '../../../../web/dist'), join(__dirname, '../../../../../web/dist')].find(
    (dir) => existsSync(join(dir, 'index.html')),
  );
}
