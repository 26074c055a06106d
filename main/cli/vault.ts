// Entry point of the command-line companion (`npm run --silent vault -- COMMAND`). It uses the same
// db/ code as the app, and never imports electron.
import { runCli } from './run';

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
process.exitCode = code;
