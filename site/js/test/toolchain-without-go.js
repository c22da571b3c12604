// toolchain-without-go.js loads toolchain.js for tests that run no Go. The bundler points
// "go-wasm-exec" at Go's wasm_exec.js; here it resolves to an empty module.
import { register } from "node:module";

const noGo = `export async function resolve(spec, context, next) {
  return spec === "go-wasm-exec" ? { url: "data:text/javascript,", shortCircuit: true } : next(spec, context);
}`;
register("data:text/javascript," + encodeURIComponent(noGo));

export const { Toolchain } = await import("../toolchain.js");
