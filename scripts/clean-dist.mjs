// Removes dist/ before packing, so a file whose source was moved or deleted never ships;
// the prepare script then builds it afresh. Runs as npm's prepack step.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

rmSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'), { recursive: true, force: true });
