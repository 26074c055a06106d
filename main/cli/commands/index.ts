// The command-line companion's commands, in the order `vault help` lists them. To add one
// (backup, verify, restore…), write commands/NAME.ts exporting a Command and list it here.
import type { Command } from '../command';
import { backupCommand } from './backup';
import { checkCommand } from './check';
import { createCommand } from './create';
import { infoCommand } from './info';
import { keyCommand } from './key';
import { passwdCommand } from './passwd';
import { restoreCommand } from './restore';
import { rotateRecoveryKeyCommand } from './rotateRecoveryKey';
import { verifyCommand } from './verify';

export const commands: readonly Command[] = [
  createCommand,
  infoCommand,
  checkCommand,
  passwdCommand,
  rotateRecoveryKeyCommand,
  keyCommand,
  backupCommand,
  verifyCommand,
  restoreCommand,
];
