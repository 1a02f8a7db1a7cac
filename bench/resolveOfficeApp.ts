/**
 * office-addin-mock (under the Excel stand-in) needs only the OfficeApp enum of office-addin-manifest, whose main
 * module loads ESM-only packages that Node's require cannot; point the name at the enum's own file.
 */
import Module from "module";

const resolver = Module as unknown as {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
};
const original = resolver._resolveFilename;
resolver._resolveFilename = function (request: string, ...rest: unknown[]): string {
  const target = request === "office-addin-manifest" ? "office-addin-manifest/lib/officeApp.js" : request;
  return original.call(this, target, ...rest);
};
