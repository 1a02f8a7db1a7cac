/* eslint-disable no-undef */
const path = require("path");

// Bundles the Excel stand-in for the browser test (test/artifacts/host/office.js).
module.exports = {
  mode: "development",
  devtool: false,
  entry: path.resolve(__dirname, "browserHost.ts"),
  output: { path: path.resolve(__dirname, "../artifacts/host"), filename: "office.js" },
  resolve: {
    extensions: [".ts", ".js"],
    // office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose main is Node-only.
    alias: { "office-addin-manifest$": path.resolve(__dirname, "../../node_modules/office-addin-manifest/lib/officeApp.js") },
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { configFile: path.resolve(__dirname, "tsconfig.json"), onlyCompileBundledFiles: true, transpileOnly: true } },
      },
    ],
  },
  performance: { hints: false },
};
