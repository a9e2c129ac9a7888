import { packageJson } from '../version.js';

/** `owner/name` of the GitHub repository package.json names, if it names one. */
function githubRepository(): string | undefined {
  const repository = (packageJson as { repository?: string | { url?: string } }).repository;
  const url = typeof repository === 'string' ? repository : repository?.url;
  return url?.match(/github\.com[/:]([^/]+\/[^/.]+)/)?.[1];
}

/** Where `docs/rules/<name>.md` is published: the repository when package.json names one, else the npm tarball. */
export function ruleDocsUrl(name: string): string {
  const github = githubRepository();
  return github
    ? `https://github.com/${github}/blob/v${packageJson.version}/docs/rules/${name}.md`
    : `https://unpkg.com/${packageJson.name}@${packageJson.version}/docs/rules/${name}.md`;
}

/** The project's home: its repository, else its npm page. */
export function homepageUrl(): string {
  const github = githubRepository();
  return github ? `https://github.com/${github}` : `https://www.npmjs.com/package/${packageJson.name}`;
}
