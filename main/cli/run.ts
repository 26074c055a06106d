// Owns dispatch for the command-line companion: picks the command, turns every error into one
// short line on stderr and an exit status. No stack traces unless HEARTH_DEBUG=1.
import { VaultError } from '../../db/vault';
import { commands } from './commands';
import { CliError, EXIT_FAILED, EXIT_OK, EXIT_USAGE, line, type CliIo } from './io';

function help(io: CliIo, stream: NodeJS.WritableStream): void {
  line(stream, 'Hearth vault companion: look after a Hearth vault from the command line.');
  line(stream);
  line(stream, 'Usage: npm run --silent vault -- COMMAND --dir DIR [options]');
  line(stream);
  const width = Math.max(...commands.map((c) => c.name.length));
  for (const c of commands) line(stream, `  ${c.name.padEnd(width)}  ${c.summary}`);
  line(stream);
  line(stream, 'The passphrase comes from --passphrase-file FILE, the HEARTH_PASSPHRASE environment variable,');
  line(stream, 'or a prompt in a terminal. --recovery-key-file FILE can be used wherever a passphrase is asked for.');
  line(stream, 'A new passphrase comes from --new-passphrase-file FILE, HEARTH_NEW_PASSPHRASE, or a prompt.');
  line(stream, 'The folder may also be given as HEARTH_DATA_DIR. "vault COMMAND --help" shows a command’s options.');
  void io;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    help(io, name === undefined ? io.stderr : io.stdout);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    line(io.stderr, `vault: there is no command called "${name}". Run "vault help" for the list.`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    line(io.stdout, `${command.summary}\nUsage: vault ${command.name} ${command.usage}`);
    return EXIT_OK;
  }
  try {
    return await command.run(io, args);
  } catch (err) {
    if (err instanceof CliError || err instanceof VaultError) {
      line(io.stderr, `vault ${command.name}: ${err.message}`);
      return err instanceof CliError ? err.exitCode : EXIT_FAILED;
    }
    line(io.stderr, `vault ${command.name}: something unexpected went wrong: ${err instanceof Error ? err.message : String(err)}`);
    if (io.env.HEARTH_DEBUG === '1' && err instanceof Error && err.stack) line(io.stderr, err.stack);
    return EXIT_FAILED;
  }
}
