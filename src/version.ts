import { readFileSync } from 'node:fs';

interface PackageJson {
  name: string;
  version: string;
}

/** The package's own package.json: one level above both src/ and dist/. */
export const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageJson;
