#!/usr/bin/env -S node --no-warnings
// Local test runner for Hackable Mail plugins.
//
// Runs a plugin's onEmail on the official Extism JS host (npm @extism/extism)
// with fake deliver/reply host functions that follow the Hackable Mail rules
// (each allowed once; reply refused for a null sender or automatic/list mail),
// and prints what the plugin did as one JSON object per email:
//
//   {"email":"x.json","result":0,"delivered":{...}|null,"replied":{...}|null,
//    "logs":[["warn","..."]],"error":null}
//
// Usage:
//   node pdk/runner/run.mjs plugin.wasm email.json [email2.json ...]
//        [--config key=value]... [--deliver-rc N] [--reply-rc N] [--wasi]
//
// Several emails run one after the other on the same plugin instance, so
// Extism vars persist between them as they do between calls in James.
// Exit status: 0 when every call succeeded (whatever the result code),
// 1 when a call failed (trap, non-zero Extism return, non-integer output).
// This runner is a development aid, not the James host: no timeout, no
// memory caps, no changes applied to real mail.
import { readFileSync } from "node:fs";
import createPlugin from "@extism/extism";

function usage(msg) {
  if (msg) console.error(msg);
  console.error(
    "usage: run.mjs plugin.wasm email.json... [--config k=v]... [--deliver-rc N] [--reply-rc N] [--wasi]"
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const config = {};
const files = [];
let deliverRc = 0;
let replyRc = 0;
let useWasi = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--config") {
    const kv = args[++i] ?? usage("--config needs key=value");
    const eq = kv.indexOf("=");
    if (eq < 1) usage("--config needs key=value");
    config[kv.slice(0, eq)] = kv.slice(eq + 1);
  } else if (a === "--deliver-rc") {
    deliverRc = Number.parseInt(args[++i], 10);
  } else if (a === "--reply-rc") {
    replyRc = Number.parseInt(args[++i], 10);
  } else if (a === "--wasi") {
    useWasi = true;
  } else if (a.startsWith("--")) {
    usage(`unknown option ${a}`);
  } else {
    files.push(a);
  }
}
if (files.length < 2) usage();
const [wasmPath, ...emails] = files;

// RFC 3834 5.1 and list headers: which incoming headers forbid a reply
function isAutomatic(headers) {
  return Object.entries(headers).some(([name, value]) => {
    const n = name.toLowerCase();
    const v = String(value ?? "").trim().toLowerCase();
    if (n === "auto-submitted") return v !== "no";
    if (n === "precedence") return v === "bulk" || v === "list" || v === "junk";
    return n.startsWith("list-");
  });
}

let call; // state of the current onEmail call
const logs = (level) => (msg) => call.logs.push([level, String(msg)]);

const plugin = await createPlugin(
  { wasm: [{ data: readFileSync(wasmPath) }] },
  {
    useWasi,
    runInWorker: false,
    config,
    logger: { info: logs("info"), debug: logs("debug"), warn: logs("warn"), error: logs("error"), trace: logs("trace") },
    functions: {
      "extism:host/user": {
        deliver(cp, offset) {
          const json = cp.read(offset).json();
          let rc = deliverRc;
          if (call.delivered !== null) rc = 1; // only once
          else if (rc === 0) call.delivered = json;
          return cp.store(JSON.stringify(rc));
        },
        reply(cp, offset) {
          const json = cp.read(offset).json();
          const automatic = isAutomatic(call.input.headers ?? {});
          let rc = replyRc;
          if (call.replied !== null) rc = 1; // only once
          else if (!call.input.sender || automatic) rc = 1; // RFC 3834
          else if (rc === 0) call.replied = json;
          return cp.store(JSON.stringify(rc));
        },
      },
    },
  }
);

let failed = false;
for (const file of emails) {
  const text = readFileSync(file, "utf8");
  call = { input: JSON.parse(text), delivered: null, replied: null, logs: [] };
  const report = { email: file, result: null, delivered: null, replied: null, logs: call.logs, error: null };
  try {
    const out = await plugin.call("onEmail", text);
    const body = out === null ? "" : out.text();
    if (!/^\s*-?\d+\s*$/.test(body)) throw new Error(`output is not a JSON integer: ${JSON.stringify(body)}`);
    report.result = Number.parseInt(body, 10);
  } catch (e) {
    report.error = String(e?.message ?? e);
    failed = true;
  }
  report.delivered = call.delivered;
  report.replied = call.replied;
  console.log(JSON.stringify(report));
}
await plugin.close();
process.exit(failed ? 1 : 0);
