/* eslint-disable no-undef */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizedFunctionsMetadataPlugin } = require("./scripts/localizeFunctionsMetadata");

/** The certificate office-addin-dev-certs makes, when there is one; webpack-dev-server's own otherwise. */
function httpsOptions() {
  const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
  const key = path.join(dir, "localhost.key");
  const cert = path.join(dir, "localhost.crt");
  if (fs.existsSync(key) && fs.existsSync(cert)) return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  return {};
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    // The custom functions load in the task pane's page (a shared runtime), in a script of their own.
    entry: { taskpane: "./src/taskpane/index.tsx", functions: "./src/functions/functions.ts" },
    output: { path: path.resolve(__dirname, "dist/web"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", onlyCompileBundledFiles: true } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane", "functions"] }),
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new LocalizedFunctionsMetadataPlugin({
        source: "functions.json",
        output: "functions-ja.json",
        table: require("./src/functions/functions.ja.json"),
      }),
      {
        // Icons are served beside the page, as the manifest points to /assets/*.png.
        apply(compiler) {
          compiler.hooks.thisCompilation.tap("CopyAssets", (compilation) => {
            compilation.hooks.processAssets.tap({ name: "CopyAssets", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
              for (const file of fs.readdirSync(path.resolve(__dirname, "assets"))) {
                const data = fs.readFileSync(path.resolve(__dirname, "assets", file));
                compilation.emitAsset(`assets/${file}`, new compiler.webpack.sources.RawSource(data));
              }
            });
          });
        },
      },
    ],
    performance: { hints: false },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: httpsOptions() },
      port: 3000,
      static: false,
    },
  };
};
