#!/usr/bin/env -S node --no-warnings
// Behaviour tests of the example plugins, on the local runner (run.mjs).
// Each case: plugin, emails (run in order on one instance), options, and per
// email the expected result code, delivered message and reply.
// Run: node pdk/runner/test.mjs   (after `npm ci` in pdk/runner)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deepStrictEqual } from "node:assert";

const PDK = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUN = join(PDK, "runner", "run.mjs");
const XYZ_ANSWER = "Talking about Project XYZ is forbidden!!!\n\nPlease stop talking about Project XYZ!";
const input = (name) => JSON.parse(readFileSync(join(PDK, "testdata", `${name}.json`), "utf8"));
const same = (name) => input(name); // delivered unchanged
const tagged = (name, subject) => {
  const email = input(name);
  const key = Object.keys(email.headers).find((k) => k.toLowerCase() === "subject") ?? "Subject";
  email.headers[key] = subject;
  return email;
};

// [email, expected result, expected delivered (or null), expected reply (or null)]
const xyz = [
  ["xyz-subject", 0, same("xyz-subject"), { subject: "RE: News about Project XYZ", body: XYZ_ANSWER }],
  ["xyz-body", 0, same("xyz-body"), { subject: 'RE: Café "news" 😀', body: XYZ_ANSWER }],
  ["plain", 0, same("plain"), null],
  ["no-subject", 0, same("no-subject"), { subject: "RE: ", body: XYZ_ANSWER }],
  ["auto-xyz", 0, same("auto-xyz"), null], // the host refuses the reply
];
const cases = [
  { plugin: "project-xyz-c/project-xyz.wasm", emails: xyz },
  { plugin: "project-xyz-as/project-xyz.wasm", emails: xyz },
  { plugin: "project-xyz-c/project-xyz.wasm", args: ["--deliver-rc", "75"], emails: [["xyz-subject", 75, null, null]] },
  { plugin: "project-xyz-as/project-xyz.wasm", args: ["--deliver-rc", "75"], emails: [["xyz-subject", 75, null, null]] },
  {
    plugin: "subject-blocker-c/subject-blocker.wasm",
    args: ["--config", "blocked_subjects=viagra\n  PROJECT xyz  \n\n"],
    emails: [
      ["xyz-subject", 77, null, null],
      ["plain", 0, same("plain"), null],
      ["no-subject", 0, same("no-subject"), null],
    ],
  },
  { plugin: "subject-blocker-c/subject-blocker.wasm", emails: [["xyz-subject", 0, same("xyz-subject"), null]] },
  {
    plugin: "subject-tagger-wat/subject-tagger.wasm",
    emails: [
      ["plain", 0, tagged("plain", "[tagged] Lunch?"), null],
      ["xyz-body", 0, tagged("xyz-body", '[tagged] Café "news" 😀'), null],
      ["no-subject", 0, tagged("no-subject", "[tagged] "), null],
      ["tagged-already", 0, same("tagged-already"), null],
      ["tricky", 0, tagged("tricky", '[tagged] Re: "quoted" \\ back'), null],
    ],
  },
  { plugin: "subject-tagger-wat/subject-tagger.wasm", args: ["--deliver-rc", "75"], emails: [["plain", 75, null, null]] },
  {
    plugin: "vacation-rust/vacation.wasm",
    args: ["--config", "days=7", "--config", 'message=Back on "Monday".'],
    emails: [
      ["vacation-1-bob", 0, same("vacation-1-bob"), { subject: "Auto: Hello 1", body: 'Back on "Monday".' }],
      ["vacation-2-bob-next-day", 0, same("vacation-2-bob-next-day"), null],
      ["vacation-3-bob-8-days-later", 0, same("vacation-3-bob-8-days-later"), { subject: "Auto: Hello 3", body: 'Back on "Monday".' }],
      ["vacation-4-carol-date-header", 0, same("vacation-4-carol-date-header"), { subject: "Auto: Date only", body: 'Back on "Monday".' }],
      ["vacation-5-null-sender", 0, same("vacation-5-null-sender"), null],
      ["vacation-6-carol-next-day", 0, same("vacation-6-carol-next-day"), null],
    ],
  },
  {
    plugin: "vacation-rust/vacation.wasm",
    args: ["--config", "days=0", "--config", "subject=Away"],
    emails: [
      ["vacation-1-bob", 0, same("vacation-1-bob"), { subject: "Away", body: "Hello,\n\nI am away and will read your message when I am back.\n" }],
      ["vacation-2-bob-next-day", 0, same("vacation-2-bob-next-day"), { subject: "Away", body: "Hello,\n\nI am away and will read your message when I am back.\n" }],
    ],
  },
];

let failures = 0;
for (const c of cases) {
  const files = c.emails.map(([name]) => join(PDK, "testdata", `${name}.json`));
  const args = [RUN, join(PDK, "examples", c.plugin), ...files, ...(c.args ?? [])];
  let out;
  try {
    out = execFileSync(process.execPath, ["--no-warnings", ...args], { encoding: "utf8" });
  } catch (e) {
    out = e.stdout ?? "";
  }
  const reports = out.trim().split("\n").map((l) => JSON.parse(l));
  c.emails.forEach(([name, result, delivered, replied], i) => {
    const r = reports[i];
    const label = `${c.plugin} ${(c.args ?? []).join(" ").replace(/\n/g, "\\n")} ${name}`;
    try {
      deepStrictEqual(
        { result: r.result, error: r.error, delivered: r.delivered, replied: r.replied },
        { result, error: null, delivered, replied }
      );
      console.log(`ok   ${label}`);
    } catch (e) {
      failures++;
      console.log(`FAIL ${label}\n${e.message}`);
    }
  });
}
console.log(failures === 0 ? "all passed" : `${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
