#!/usr/bin/env -S node --no-warnings
// Warm onEmail calls of one plugin on the official Extism JS host (npm @extism/extism, in the Node main
// thread: no worker thread), the baseline of ../bench.sh. Prints the median and p99 in microseconds, then a
// line for bench.sh: "result js-host <median us> <p99 us> <calls>".
//
// Usage: node bench.mjs plugin.wasm email.json [warm-up calls] [measured calls]
//
// deliver and reply do what the Hackable Mail host does with their argument, as far as a JS host can:
// read the JSON out of the plugin's memory, parse it, answer a JSON integer (0: accepted).
import { readFileSync } from "node:fs";
import createPlugin from "@extism/extism";

const [wasmPath, inputPath, warmUpArg, measuredArg] = process.argv.slice(2);
if (!wasmPath || !inputPath) {
  console.error("usage: bench.mjs plugin.wasm email.json [warm-up calls] [measured calls]");
  process.exit(2);
}
const warmUp = Number.parseInt(warmUpArg ?? "5000", 10);
const measured = Number.parseInt(measuredArg ?? "20000", 10);
// The very bytes our host gets, in an array of their own: the Extism JS host reads a Uint8Array's whole
// underlying buffer, and a small file's Buffer is a slice of Node's shared pool.
const input = new Uint8Array(readFileSync(inputPath));

const accept = (cp, offset) => {
  JSON.parse(cp.read(offset).text());
  return cp.store("0");
};
const plugin = await createPlugin(
  { wasm: [{ data: readFileSync(wasmPath) }] },
  {
    useWasi: false,
    runInWorker: false,
    functions: { "extism:host/user": { deliver: accept, reply: accept } },
  }
);

// Each call ends with reset(), as a long-running host must: @extism/extism 1.0.3 keeps every memory block of every
// call until then, and past 32,767 blocks (about 5,400 calls of this plugin) a block's address no longer fits the
// kernel's positive i64 and the plugin's reads fail.
async function call() {
  const out = await plugin.call("onEmail", input);
  if (out === null || out.text().trim() !== "0") {
    throw new Error(`unexpected output: ${out === null ? "none" : out.text()}`);
  }
  await plugin.reset();
}

for (let i = 0; i < warmUp; i++) await call();
const nanos = new Array(measured);
for (let i = 0; i < measured; i++) {
  const start = process.hrtime.bigint();
  await call();
  nanos[i] = Number(process.hrtime.bigint() - start);
}
await plugin.close();

nanos.sort((a, b) => a - b);
const percentile = (fraction) => nanos[Math.min(nanos.length - 1, Math.floor(nanos.length * fraction))] / 1e3;
console.log(
  `${"Extism JS host " + createPluginVersion()}`.padEnd(50) +
    ` median ${percentile(0.5).toFixed(1).padStart(9)} us   p99 ${percentile(0.99).toFixed(1).padStart(9)} us` +
    `   max ${percentile(1).toFixed(1).padStart(9)} us   (n=${measured}, ${input.length}-byte input, Node ${process.version})`
);
console.log(`result js-host ${percentile(0.5).toFixed(1)} ${percentile(0.99).toFixed(1)} ${measured}`);

function createPluginVersion() {
  const meta = JSON.parse(readFileSync(new URL("./node_modules/@extism/extism/package.json", import.meta.url)));
  return meta.version;
}
