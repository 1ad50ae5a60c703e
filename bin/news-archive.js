#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, resolved from this package (not the caller's folder).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
