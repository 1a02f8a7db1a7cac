/** Runs the command line in this process and prints its peak resident memory in bytes (as the last line of stderr). */
import { main } from "../src/cli/main";

void main(process.argv.slice(2), { out: () => undefined, err: () => undefined }).then((code) => {
  process.stderr.write(`${process.resourceUsage().maxRSS * 1024}\n`);
  process.exitCode = code;
});
