/**
 * Runs the TypeScript sources in a plain `node` process, without a build: what ts-jest does
 * for the test files (transpile only, CommonJS, `@navaia/shared` from its sources, the ES
 * module dependencies turned into CommonJS). For tests that run the application in a child
 * process they can kill: `node -r ./test/support/ts-register.js <file.ts>`.
 */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const ts = require('typescript');

const SHARED = path.resolve(__dirname, '../../../shared/src/index.ts');
const ESM_ONLY = /[\\/]node_modules[\\/]content-disposition[\\/]/;
const options = {
  ...ts.convertCompilerOptionsFromJson(
    require('../../../tsconfig.base.json').compilerOptions,
    path.resolve(__dirname, '../../..'),
  ).options,
  module: ts.ModuleKind.CommonJS,
  allowJs: true,
  sourceMap: false,
  inlineSourceMap: true,
};

function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: options,
    fileName: filename,
  });
  module._compile(outputText, filename);
}

require.extensions['.ts'] = compile;
const loadJs = require.extensions['.js'];
require.extensions['.js'] = (module, filename) =>
  ESM_ONLY.test(filename) ? compile(module, filename) : loadJs(module, filename);

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === '@navaia/shared' ? SHARED : request, ...rest);
};
