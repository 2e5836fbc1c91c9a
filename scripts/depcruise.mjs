#!/usr/bin/env node
// Runs dependency-cruiser's rule check through its programmatic API.
//   node scripts/depcruise.mjs --config .dependency-cruiser.cjs services libs
// Why not the `depcruise` binary: dependency-cruiser 18 refuses to start on Node 20 (its CLI
// asserts engines ^22||^24||>=26), while this project runs on Node 20.19+. The API itself works
// on Node 20, and this wrapper does what `depcruise --output-type err` does: validate, print the
// violations, exit non-zero when there is an error-level one.
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

function parseArguments(argv) {
  let config = '.dependency-cruiser.cjs';
  let outputType = 'err';
  const paths = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--config' || arg === '-c') config = argv[++i];
    else if (arg === '--output-type' || arg === '-T') outputType = argv[++i];
    else if (arg.startsWith('-')) throw new Error(`unknown option: ${arg}`);
    else paths.push(arg);
  }
  if (!config || !outputType || paths.length === 0) {
    throw new Error('usage: depcruise.mjs [--config file] [--output-type err] path...');
  }
  return { config, outputType, paths };
}

async function main() {
  const { config, outputType, paths } = parseArguments(process.argv.slice(2));
  // dependency-cruiser resolves the config's name like a module specifier: pass an absolute path.
  const options = await extractDepcruiseOptions(path.resolve(config));
  options.outputType = outputType;
  const tsConfigFile = options.tsConfig?.fileName;
  const tsConfig = tsConfigFile ? extractTSConfig(tsConfigFile) : undefined;
  const result = await cruise(paths, options, undefined, { tsConfig });
  process.stdout.write(typeof result.output === 'string' ? result.output : '');
  process.exitCode = result.exitCode > 0 ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`depcruise: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
