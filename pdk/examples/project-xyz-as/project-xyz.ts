// Project XYZ auto-responder (the XTP email demo's example plugin) in
// AssemblyScript, on the official Extism AssemblyScript PDK.
//
// Delivers every message. When the delivered message's Subject or body
// mentions "Project XYZ", also replies to the sender with a canned answer.
// Result: deliver's code (0 when delivered); a refused reply (automatic
// mail, list mail, null sender) is logged and does not change the result.
//
// Build: see ../../build.sh (asc with --use abort=... so that the module
// imports nothing but the Extism functions).
import { Host, LogLevel, Memory } from "@extism/as-pdk";
import { length } from "@extism/as-pdk/lib/env";

// The Hackable Mail host functions: JSON in, JSON integer out.
@external("extism:host/user", "deliver")
declare function hostDeliver(email: u64): u64;
@external("extism:host/user", "reply")
declare function hostReply(reply: u64): u64;

const KEYWORD = "Project XYZ";
const ANSWER =
  "Talking about Project XYZ is forbidden!!!\n\nPlease stop talking about Project XYZ!";

export function onEmail(): i32 {
  const email = Host.inputString();
  const rc = deliver(email);
  if (rc == 0) {
    const subject = emailHeader(email, "Subject");
    const body = emailField(email, "body");
    if ((subject != null && subject.includes(KEYWORD)) ||
        (body != null && body.includes(KEYWORD))) {
      const re = "RE: " + (subject != null ? subject : "");
      if (reply(re, ANSWER) != 0) Host.log(LogLevel.Warn, "reply refused");
    }
  }
  Host.outputString(rc.toString());
  return 0;
}

// ---- deliver and reply ------------------------------------------------

function callHost(fn: (h: u64) => u64, json: string): i32 {
  const input = Memory.allocateString(json);
  const out = fn(input.offset);
  input.free();
  if (out == 0) return -1;
  const text = new Memory(out, length(out)).toString().trim();
  const n = I32.parseInt(text, 10);
  return text.length > 0 && n.toString() == text ? n : -1;
}

function deliver(email: string): i32 {
  return callHost((h: u64): u64 => hostDeliver(h), email);
}

function reply(subject: string, body: string): i32 {
  const json = '{"subject":' + jsonString(subject) + ',"body":' + jsonString(body) + "}";
  return callHost((h: u64): u64 => hostReply(h), json);
}

// ---- minimal JSON reading ---------------------------------------------

function skipWs(s: string, i: i32): i32 {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c != 0x20 && c != 0x09 && c != 0x0a && c != 0x0d) break;
    i++;
  }
  return i;
}

// i at a value: the index after it, or -1 if malformed.
function skipValue(s: string, i: i32): i32 {
  i = skipWs(s, i);
  if (i >= s.length) return -1;
  const c = s.charCodeAt(i);
  if (c == 0x22) { // "
    for (i++; i < s.length; i++) {
      const d = s.charCodeAt(i);
      if (d == 0x22) return i + 1;
      if (d == 0x5c) i++;
    }
    return -1;
  }
  if (c == 0x7b || c == 0x5b) { // { [
    const isObject = c == 0x7b;
    const close = isObject ? 0x7d : 0x5d;
    i = skipWs(s, i + 1);
    if (i < s.length && s.charCodeAt(i) == close) return i + 1;
    while (true) {
      if (isObject) {
        i = skipValue(s, i); // the key
        if (i < 0) return -1;
        i = skipWs(s, i);
        if (i >= s.length || s.charCodeAt(i) != 0x3a) return -1;
        i++;
      }
      i = skipValue(s, i);
      if (i < 0) return -1;
      i = skipWs(s, i);
      if (i >= s.length) return -1;
      const d = s.charCodeAt(i);
      if (d == close) return i + 1;
      if (d != 0x2c) return -1;
      i++;
    }
  }
  const start = i; // number, true, false, null
  while (i < s.length && "+-.0123456789eEtrufalsn".includes(s.charAt(i))) i++;
  return i > start ? i : -1;
}

// i at a JSON string: its value, or null if malformed.
function parseString(s: string, i: i32): string | null {
  i = skipWs(s, i);
  const end = skipValue(s, i);
  if (end < 0 || s.charCodeAt(i) != 0x22) return null;
  let out = "";
  let run = i + 1; // start of the current run of plain characters
  for (let j = i + 1; j < end - 1; j++) {
    if (s.charCodeAt(j) != 0x5c) continue;
    out += s.substring(run, j);
    const e = s.charCodeAt(++j);
    if (e == 0x75) { // \uXXXX: UTF-16 code units, as AssemblyScript strings
      const u = I32.parseInt(s.substr(j + 1, 4), 16);
      out += String.fromCharCode(u);
      j += 4;
    } else if (e == 0x6e) out += "\n";
    else if (e == 0x74) out += "\t";
    else if (e == 0x72) out += "\r";
    else if (e == 0x62) out += "\b";
    else if (e == 0x66) out += "\f";
    else out += String.fromCharCode(e); // \" \\ \/
    run = j + 1;
  }
  return out + s.substring(run, end - 1);
}

// obj at a JSON object: the index of member key's value, or -1.
function member(s: string, obj: i32, key: string, ignoreCase: bool): i32 {
  let i = skipWs(s, obj);
  if (i >= s.length || s.charCodeAt(i) != 0x7b) return -1;
  i = skipWs(s, i + 1);
  const want = ignoreCase ? key.toLowerCase() : key;
  while (i < s.length && s.charCodeAt(i) == 0x22) {
    const k = parseString(s, i);
    i = skipValue(s, i);
    if (k == null || i < 0) return -1;
    i = skipWs(s, i);
    if (i >= s.length || s.charCodeAt(i) != 0x3a) return -1;
    i = skipWs(s, i + 1);
    if ((ignoreCase ? k.toLowerCase() : k) == want) return i;
    i = skipValue(s, i);
    if (i < 0) return -1;
    i = skipWs(s, i);
    if (i >= s.length || s.charCodeAt(i) != 0x2c) return -1;
    i = skipWs(s, i + 1);
  }
  return -1;
}

function emailField(email: string, name: string): string | null {
  const v = member(email, 0, name, false);
  return v < 0 ? null : parseString(email, v);
}

function emailHeader(email: string, name: string): string | null {
  const headers = member(email, 0, "headers", false);
  if (headers < 0) return null;
  const v = member(email, headers, name, true);
  return v < 0 ? null : parseString(email, v);
}

// ---- minimal JSON writing ---------------------------------------------

function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 0x22) out += '\\"';
    else if (c == 0x5c) out += "\\\\";
    else if (c == 0x0a) out += "\\n";
    else if (c == 0x0d) out += "\\r";
    else if (c == 0x09) out += "\\t";
    else if (c < 0x20) out += "\\u00" + (c < 0x10 ? "0" : "") + c.toString(16);
    else out += s.charAt(i);
  }
  return out + '"';
}

// Called by the AssemblyScript runtime on a failed assertion or a bounds
// error: log the reason and trap (a plugin failure for the host).
function abort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  Host.log(LogLevel.Error, "abort: " + (message != null ? message : "") + " at " +
    (fileName != null ? fileName : "?") + ":" + line.toString() + ":" + column.toString());
  unreachable();
}
