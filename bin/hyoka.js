#!/usr/bin/env node
"use strict";
// A reader that stops early (`hyoka check … | head`) closes the pipe: that ends the output, it is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}
// The command line is compiled to dist/ by `npm ci` (the prepare script).
const { main } = require("../dist/cli/main.js");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
