// The Worker's entry module. The Go program answers every request through the shim that
// workers-assets-gen generates (worker.mjs, which loads app.wasm). A response on which Go
// set Content-Encoding carries a body that is already encoded (a precompressed sibling of a
// file too large for the assets): the runtime is told so, or it would encode it again.
import shim from "./worker.mjs";

export default {
  async fetch(request, env, ctx) {
    const response = await shim.fetch(request, env, ctx);
    if (!response.headers.has("Content-Encoding")) return response;
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      encodeBody: "manual",
    });
  },
};
