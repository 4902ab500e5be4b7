#!/usr/bin/env node
// The bundled command line (scripts/bundle-cli.mjs): fewer files for Node to load on every start.
import { main } from '../dist/cli-bundle/main.js';
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
