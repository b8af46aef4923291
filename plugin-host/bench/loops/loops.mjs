// The V8 side of ../loops.sh: each export of loops.wasm with 25 million iterations, best of 7, in ms.
import { readFileSync } from "node:fs";

const { instance } = await WebAssembly.instantiate(readFileSync(process.argv[2]));
for (const name of ["locals", "memory", "shadow", "calls"]) {
  let best = Infinity;
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    instance.exports[name](25_000_000);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(`${"V8 (Node " + process.version + ")"}`.padEnd(30) + `${name.padEnd(7)} ${best.toFixed(0).padStart(6)} ms`);
}
