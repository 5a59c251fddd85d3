import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built SPA (web/dist) seen from this file, whether it runs from source or the build. */
export function findWebDist(): string | undefined {
  // api/src/common/http (source) or api/dist/api/src/common/http (build)
  return [
    join(__dirname, '../../../../web/dist'),
    join(__dirname, '../../../../../../web/dist'),
  ].find((dir) => existsSync(join(dir, 'index.html')));
}
