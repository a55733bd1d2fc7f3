// Writes schema/evalgate.schema.json from the schema the loader validates with (npm run schema).
import { writeFileSync } from 'node:fs';
import { configSchema } from '../src/config/schema.js';

writeFileSync('schema/evalgate.schema.json', JSON.stringify(configSchema, null, 2) + '\n');
