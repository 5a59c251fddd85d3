// Proves the module-boundary rule bites: lints forbidden imports as if they were in each
// project and fails unless ESLint rejects every one of them (and accepts the allowed one).
// Likewise for the SPA's rule against inserting HTML.
import { ESLint } from 'eslint';

const cases = [
  {
    file: 'web/src/__probe.ts',
    code: "import { AppModule } from '@navaia/api';\nexport const x = AppModule;",
    allowed: false,
  },
  {
    file: 'web/src/__probe.ts',
    code: "import { x } from '../../api/src/app.module';\nexport const y = x;",
    allowed: false,
  },
  {
    file: 'api/src/__probe.ts',
    code: "import { routes } from '../../web/src/app/router';\nexport const x = routes;",
    allowed: false,
  },
  {
    file: 'shared/src/__probe.ts',
    code: "import { x } from '../../api/src/app.module';\nexport const y = x;",
    allowed: false,
  },
  {
    file: 'shared/src/__probe.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;",
    allowed: false,
  },
  {
    file: 'web/src/__probe.ts',
    code: "import { Role } from '@navaia/shared';\nexport const x = Role;",
    allowed: true,
  },
  // Text from callers and integrators is never inserted as HTML in the SPA.
  {
    file: 'web/src/__probe.tsx',
    code: 'export const X = (p: { notes: string }) => <div dangerouslySetInnerHTML={{ __html: p.notes }} />;',
    allowed: false,
  },
  {
    file: 'web/src/__probe.ts',
    code: 'export const show = (el: HTMLElement, notes: string) => { el.innerHTML = notes; };',
    allowed: false,
  },
  {
    file: 'web/src/__probe.tsx',
    code: 'export const X = (p: { notes: string }) => <div>{p.notes}</div>;',
    allowed: true,
  },
];

const eslint = new ESLint();
let failed = 0;
for (const { file, code, allowed } of cases) {
  const [result] = await eslint.lintText(code, { filePath: file });
  const blocked = result.messages.some((m) =>
    ['@nx/enforce-module-boundaries', 'no-restricted-imports', 'no-restricted-syntax'].includes(
      m.ruleId ?? '',
    ),
  );
  if (blocked === allowed) {
    failed++;
    console.error(
      `✗ ${file}: ${JSON.stringify(code.split('\n')[0])} should be ${allowed ? 'allowed' : 'rejected'}`,
    );
  }
}
if (failed) process.exit(1);
console.log(`module boundaries and HTML rendering: ${cases.length} checks enforced`);
