#!/usr/bin/env node
"use strict";
// A reader that stops early (`hyoka check … | head`) closes the pipe: that ends the output, it is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}
// zlib.crc32, which writing a workbook needs, came with Node 20.15 (package.json "engines").
if (typeof require("zlib").crc32 !== "function") {
  process.stderr.write(
    `hyoka: Node.js 20.15 以降が必要です（この Node.js は ${process.version}） / needs Node.js 20.15 or later (this is ${process.version})\n`
  );
  process.exit(2);
}
// The command line is compiled to dist/ by `npm ci` (the prepare script).
const { main } = require("../dist/cli/main.js");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
