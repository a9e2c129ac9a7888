// Writes schema.json from the checks' option schemas (run after a build: `npm run schema`).
import { writeFileSync } from 'node:fs';
import { configSchema } from '../dist/config/schema.js';

writeFileSync(new URL('../schema.json', import.meta.url), JSON.stringify(configSchema(), null, 2) + '\n');
