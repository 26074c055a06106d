#!/usr/bin/env node
// `hearth-vault`: the command-line companion as an npm bin. Runs the TypeScript entry through tsx,
// exactly as `npm run --silent vault -- <command>` does.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/vault.ts');
