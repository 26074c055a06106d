// The command-line companion's commands, in the order `vault help` lists them. To add one
// (backup, verify, restore…), write commands/NAME.ts exporting a Command and list it here.
import type { Command } from '../command';
import { checkCommand } from './check';
import { createCommand } from './create';
import { infoCommand } from './info';
import { keyCommand } from './key';
import { passwdCommand } from './passwd';
import { rotateRecoveryKeyCommand } from './rotateRecoveryKey';

export const commands: readonly Command[] = [
  createCommand,
  infoCommand,
  checkCommand,
  passwdCommand,
  rotateRecoveryKeyCommand,
  keyCommand,
];
