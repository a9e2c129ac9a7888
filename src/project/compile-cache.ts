import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

const hasNodeCompileCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const disabled = Boolean(process.env.NODE_DISABLE_COMPILE_CACHE);

/**
 * Requires a large CommonJS file (TypeScript: 9 MB of JavaScript), keeping V8's compiled code between runs.
 *
 * Node 22+ does this itself (`module.enableCompileCache()`, called by the CLI). Node 20 has only `node:vm`'s
 * cached data, used here the same way: in the OS temp folder, off with `NODE_DISABLE_COMPILE_CACHE`, and V8
 * rejects data made by another V8 or for other source text (then it is made again). The data is made when the
 * process exits, so it also holds the functions compiled while the run used them: loading and first use of
 * TypeScript's parser take ~0.15 s less.
 */
export function requireWithCompileCache(file: string): unknown {
  const require = createRequire(file);
  if (hasNodeCompileCache || disabled || require.cache[file]) return require(file);
  const cacheFile = path.join(os.tmpdir(), 'ssot-compile-cache', `${path.basename(file)}-${process.versions.v8}-${process.arch}.bin`);
  const cachedData = readOrUndefined(cacheFile);
  let script: vm.Script;
  try {
    script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  } catch {
    return require(file);
  }
  const loaded = new Module(file);
  loaded.filename = file;
  require.cache[file] = loaded;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(loaded.exports, loaded.exports, require, loaded, file, path.dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  loaded.loaded = true;
  if (isMainThread && (!cachedData || script.cachedDataRejected)) process.once('exit', () => save(cacheFile, script));
  return loaded.exports;
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Atomic (temp file and rename), so that concurrent runs never read half a file; failures only cost speed. */
function save(cacheFile: string, script: vm.Script): void {
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    // A read-only or full temp folder: the next run compiles again.
  }
}
