// Runs a Worker folder written by package worker under workerd, through miniflare, on a
// loopback port, with the options its wrangler.json gives (as wrangler dev would).
// miniflare reads the assets folder's _headers itself, as under wrangler dev; wrangler
// deploy uploads the same file for Cloudflare to apply.
//
//	node serve.mjs PACKAGE_DIR WORKER_DIR [KV_PERSIST_DIR]
//
// PACKAGE_DIR holds the package.json whose node_modules has miniflare (wasm/worker).
//
// It prints one line, {"url": "http://127.0.0.1:PORT/"}, once the runtime answers, and
// stops the runtime when its standard input closes.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const [pkg, dir, persist] = process.argv.slice(2).map((p) => resolve(p));
const { Miniflare } = createRequire(join(pkg, "package.json"))("miniflare");
const config = JSON.parse(readFileSync(join(dir, "wrangler.json"), "utf8"));

const mf = new Miniflare({
  modules: true,
  scriptPath: join(dir, config.main),
  modulesRoot: join(dir, config.base_dir),
  modulesRules: config.rules.map((r) => ({ type: r.type, include: r.globs })),
  compatibilityDate: config.compatibility_date,
  kvNamespaces: config.kv_namespaces.map((ns) => ns.binding),
  kvPersist: persist ? persist : false,
  assets: {
    directory: join(dir, config.assets.directory),
    binding: config.assets.binding,
    routerConfig: {
      has_user_worker: true,
      static_routing: { user_worker: config.assets.run_worker_first },
    },
    assetConfig: {
      html_handling: config.assets.html_handling,
      not_found_handling: config.assets.not_found_handling,
      compatibility_date: config.compatibility_date,
    },
  },
  host: "127.0.0.1",
  port: 0,
});

const url = await mf.ready;
process.stdout.write(JSON.stringify({ url: url.href }) + "\n");

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await mf.dispose();
  process.exit(0);
};
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
