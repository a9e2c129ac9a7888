import type * as TS from 'typescript';
import type { TypeScriptApi } from '../core/location.js';
import { WorkspacePackages } from './workspaces.js';

/** `<folder>/node_modules/<package>[/<rest>]`, the last node_modules on the path. */
const IN_NODE_MODULES = /^(.*)\/node_modules\/((?:@[^/]+\/)?[^/@][^/]*)(\/.*)?$/;
/** `<folder>/node_modules` or `<folder>/node_modules/@scope`: folders the resolver looks into before a package. */
const NODE_MODULES_FOLDER = /^(.*)\/node_modules(?:\/(@[^/]+))?\/?$/;

/**
 * The file system as TypeScript reads tsconfig files through it, where a workspace package that is not installed
 * (a monorepo's fresh clone) is found where its package manager would link it: `"extends": "@acme/tsconfig/base.json"`
 * reads `packages/tsconfig/base.json`. An installed package is always read from node_modules.
 */
export type TsconfigHost = TS.ParseConfigHost &
  Pick<TS.ModuleResolutionHost, 'directoryExists' | 'realpath'> & {
    /** How many files were read from a workspace folder in place of node_modules so far. */
    readonly workspaceReads: number;
  };

export function tsconfigHost(ts: TypeScriptApi): TsconfigHost {
  const { sys } = ts;
  const workspaces = new WorkspacePackages();
  let workspaceReads = 0;
  const located = (file: string): string => {
    const match = IN_NODE_MODULES.exec(file.replace(/\\/g, '/'));
    if (!match) return file;
    const [, folder, name, rest = ''] = match as unknown as [string, string, string, string | undefined];
    const linked = workspaces.of(folder).get(name);
    if (linked === undefined || sys.fileExists(file) || sys.directoryExists(file)) return file;
    return linked + rest;
  };
  const read = (file: string): string | undefined => {
    const at = located(file);
    if (at !== file) workspaceReads++;
    return sys.readFile(at);
  };
  const holdsWorkspacePackages = (folder: string): boolean => {
    const match = NODE_MODULES_FOLDER.exec(folder.replace(/\\/g, '/'));
    if (!match) return false;
    const [, parent, scope] = match as unknown as [string, string, string | undefined];
    for (const name of workspaces.of(parent).keys()) if (scope === undefined || name.startsWith(`${scope}/`)) return true;
    return false;
  };
  return {
    get workspaceReads() {
      return workspaceReads;
    },
    useCaseSensitiveFileNames: sys.useCaseSensitiveFileNames,
    readDirectory: (...args) => sys.readDirectory(...args),
    fileExists: (file) => sys.fileExists(located(file)),
    readFile: read,
    directoryExists: (folder) => sys.directoryExists(located(folder)) || holdsWorkspacePackages(folder),
    // The workspace folder is the file's real path, as the package manager's link would resolve to.
    realpath: (file) => {
      const at = located(file);
      return sys.realpath ? sys.realpath(at) : at;
    },
  };
}
