#!/usr/bin/env node
// The `llct` command. The TypeScript sources run without a build step: bundled once and cached, or through tsx
// (see importSource.mjs).
import { importSource } from './importSource.mjs';

await importSource('cli/main.ts');
