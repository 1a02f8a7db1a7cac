#!/usr/bin/env node
"use strict";
// The command line is compiled to dist/ by `npm ci` (the prepare script).
const { main } = require("../dist/cli/main.js");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
