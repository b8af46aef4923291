// The owner console: manages one's own mail plugin through the guest endpoint (/hackable-guest) with one's push
// token. No framework, nothing fetched from elsewhere. Everything shown that comes from the server (subjects,
// addresses, plugin logs: attacker-controlled) is put in the page as text nodes, never parsed as markup.
"use strict";

(() => {
  const API = "/hackable-guest";
  const TOKEN_KEY = "hackablemail.token";
  const LONG_POLL = "25s";
  const TRACE_ROWS = 200;

  const $ = (id) => document.getElementById(id);
  let traceNext = null;
  let polling = false;
  let pollGeneration = 0;

  // ---- building the page from data: text only ----

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "className") element.className = value;
      else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  function show(id, visible) {
    $(id).hidden = !visible;
  }

  function status(text) {
    $("status").textContent = text;
    $("error").textContent = "";
  }

  function error(text) {
    $("error").textContent = text;
  }

  // ---- the guest endpoint ----

  class ApiError extends Error {
    constructor(status, body) {
      super(body && body.message ? body.message : "HTTP " + status);
      this.status = status;
      this.body = body;
    }
  }

  async function api(method, path, body, contentType) {
    const headers = {};
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = "Bearer " + token;
    if (contentType) headers["Content-Type"] = contentType;
    const response = await fetch(API + path, { method, headers, body, credentials: "omit", cache: "no-store" });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (ignored) {
      json = { message: text };
    }
    if (!response.ok) {
      if (response.status === 401 && path !== "/redeem") signOut("Your token is no longer valid: sign in again.");
      throw new ApiError(response.status, json);
    }
    return json;
  }

  // ---- signing in and out ----

  async function redeem(event) {
    event.preventDefault();
    try {
      const redeemed = await api("POST", "/redeem", JSON.stringify({ code: $("invite-code").value.trim() }),
        "application/json");
      sessionStorage.setItem(TOKEN_KEY, redeemed.token);
      $("invite-code").value = "";
      $("new-token-value").textContent = redeemed.token;
      show("new-token", true);
      await start();
      status("Invite redeemed: you are signed in as " + redeemed.address + ".");
    } catch (e) {
      error("The invite was not accepted: " + e.message);
    }
  }

  async function signIn(event) {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
    $("token").value = "";
    try {
      await start();
      status("Signed in.");
    } catch (e) {
      error("Could not sign in: " + e.message);
    }
  }

  function signOut(why) {
    sessionStorage.removeItem(TOKEN_KEY);
    pollGeneration++;
    polling = false;
    show("app", false);
    show("new-token", false);
    show("sign-in", true);
    show("sign-out", false);
    $("who").textContent = "";
    status(why || "Signed out.");
  }

  async function start() {
    const plugin = await refreshPlugin();
    show("sign-in", false);
    show("app", true);
    show("sign-out", true);
    $("who").textContent = "Signed in as " + plugin.owner;
    await Promise.all([loadConfig(), loadTrace()]);
    startPolling();
  }

  // ---- the plugin and its versions ----

  async function refreshPlugin() {
    const [plugin, versions] = await Promise.all([api("GET", "/plugin"), api("GET", "/plugin/versions")]);
    renderPlugin(plugin);
    const activeVersion = plugin.active ? plugin.active.version : null;
    $("versions").replaceChildren(...versions.slice().reverse().map((version) => versionItem(version, activeVersion)));
    return plugin;
  }

  function renderPlugin(plugin) {
    const active = plugin.active;
    $("active").textContent = active
      ? "Version " + active.version + " is active (" + plugin.versions + " version(s) kept)."
      : "You have no active plugin: your mail is delivered as it comes.";
    $("delete-plugin").disabled = plugin.versions === 0 && Object.keys(plugin.config || {}).length === 0;
  }

  function versionItem(version, activeVersion) {
    const isActive = version.version === activeVersion;
    const stats = version.stats;
    return el("li", { id: "version-" + version.version },
      el("strong", {}, "Version " + version.version + (isActive ? " (active)" : "")),
      " pushed " + new Date(version.pushedAt).toLocaleString() + " by " + version.pushedBy + ", "
        + version.size + " bytes, sha256 " + version.digest.slice(0, 12) + "…",
      stats ? el("p", {}, stats.calls + " message(s) since the server started: " + outcomes(stats.outcomes)
        + ", mean " + stats.meanLatencyMillis.toFixed(2) + " ms") : null,
      version.simulations ? el("details", {},
        el("summary", {}, "Simulation report: " + (version.simulations.passed ? "passed" : "failed")),
        report(version.simulations)) : null,
      isActive ? null : el("button", {
        type: "button",
        className: "activate",
        "data-version": version.version,
        onclick: () => activate(version.version),
      }, (activeVersion !== null && version.version < activeVersion ? "Roll back to" : "Activate") + " version "
        + version.version));
  }

  function outcomes(counts) {
    return Object.entries(counts || {}).map(([outcome, count]) => outcome + " " + count).join(", ") || "none";
  }

  async function activate(version) {
    try {
      await api("POST", "/plugin/versions/" + encodeURIComponent(version) + "/activate");
      await refreshPlugin();
      status("Version " + version + " is now active.");
    } catch (e) {
      error("Could not activate version " + version + ": " + e.message);
    }
  }

  async function deletePlugin() {
    if (!window.confirm("Delete your plugin, all its versions, its configuration and its variables?")) return;
    try {
      await api("DELETE", "/plugin");
      await Promise.all([refreshPlugin(), loadConfig()]);
      status("Your plugin is deleted: your mail is delivered as it comes.");
    } catch (e) {
      error("Could not delete the plugin: " + e.message);
    }
  }

  // ---- simulation reports and runs ----

  function report(simulations) {
    return el("table", { className: "report" },
      el("caption", {}, simulations.passed ? "Every scenario passed" : "Some scenarios failed"),
      el("thead", {}, el("tr", {},
        el("th", { scope: "col" }, "Scenario"), el("th", { scope: "col" }, "Result"),
        el("th", { scope: "col" }, "What the plugin did"))),
      el("tbody", {}, simulations.scenarios.map((scenario) => el("tr", {},
        el("th", { scope: "row" }, scenario.name),
        el("td", { className: scenario.status }, scenario.status),
        el("td", {}, scenarioDetails(scenario))))));
  }

  function scenarioDetails(scenario) {
    return [
      scenario.returnCode !== undefined && scenario.returnCode !== null
        ? el("p", {}, "Returned " + scenario.returnCode) : null,
      (scenario.problems || []).map((problem) => el("p", { className: "failed" }, problem)),
      scenario.changedHeaders ? el("p", {}, "Changed headers: ", headerChanges(scenario.changedHeaders)) : null,
      scenario.deliver ? message("Delivered", scenario.deliver) : null,
      scenario.reply ? message("Replied", scenario.reply) : null,
      logLines((scenario.logs || []).map((line) => ({ message: line }))),
      scenario.millis !== undefined && scenario.millis !== null ? el("p", {}, scenario.millis.toFixed(2) + " ms") : null,
    ];
  }

  function headerChanges(changes) {
    if (!changes.length) return "none";
    return el("ul", {}, changes.map((change) => el("li", {},
      change.value === null ? "removed " + change.name : change.name + ": " + change.value)));
  }

  function message(what, content) {
    return el("div", {}, el("p", {}, what + ", subject: " + (content.subject ?? "(none)")),
      content.body !== undefined ? el("pre", {}, content.body) : null);
  }

  function logLines(lines) {
    if (!lines.length) return null;
    return el("div", {}, el("p", {}, "Logs:"),
      el("pre", { className: "logs" }, lines.map((line) => (line.level ? line.level + " " : "") + line.message).join("\n")));
  }

  // ---- uploading a version ----

  let chosenModule = null;

  function chooseModule(file) {
    chosenModule = file || null;
    status(file ? "Chosen: " + file.name + " (" + file.size + " bytes)." : "");
  }

  async function upload(testOnly) {
    const file = chosenModule || $("wasm-file").files[0];
    if (!file) {
      error("Choose a .wasm file first.");
      return;
    }
    const target = $("upload-report");
    target.replaceChildren(el("p", {}, "Running the simulations…"));
    try {
      if (testOnly) {
        const simulations = await api("POST", "/plugin/test", file, "application/wasm");
        target.replaceChildren(el("h3", {}, "Simulations of " + file.name), report(simulations));
        status(simulations.passed ? "It passes every simulation." : "It fails some simulations.");
        return;
      }
      const version = await api("PUT", "/plugin", file, "application/wasm");
      target.replaceChildren(el("h3", {}, "Version " + version.version + " is active"), report(version.simulations));
      await refreshPlugin();
      status("Version " + version.version + " is active.");
    } catch (e) {
      const failed = e.body && e.body.simulations;
      target.replaceChildren(el("h3", { className: "refused" }, "Refused: " + e.message),
        failed ? report(e.body.simulations) : el("p", {}, "Nothing was stored."));
      error("The upload was refused: " + e.message);
    }
  }

  // ---- configuration ----

  async function loadConfig() {
    const config = await api("GET", "/plugin/config");
    $("config-table").tBodies[0].replaceChildren(...Object.entries(config).map(([key, value]) => configRow(key, value)));
  }

  let configRows = 0;

  function configRow(key, value) {
    const n = ++configRows;
    const row = el("tr", {},
      el("td", {}, el("label", { for: "config-key-" + n, className: "visually-hidden" }, "Key"),
        el("input", { id: "config-key-" + n, className: "config-key", value: key, spellcheck: "false" })),
      el("td", {}, el("label", { for: "config-value-" + n, className: "visually-hidden" }, "Value"),
        el("textarea", { id: "config-value-" + n, className: "config-value", rows: 2 })),
      el("td", {}, el("button", { type: "button", onclick: () => row.remove() }, "Remove")));
    row.querySelector("textarea").value = value;
    return row;
  }

  async function saveConfig() {
    const config = {};
    for (const row of $("config-table").tBodies[0].rows) {
      const key = row.querySelector(".config-key").value.trim();
      if (key) config[key] = row.querySelector(".config-value").value;
    }
    try {
      await api("PUT", "/plugin/config", JSON.stringify(config), "application/json");
      await loadConfig();
      status("Configuration saved.");
    } catch (e) {
      error("Could not save the configuration: " + e.message);
    }
  }

  // ---- trying the plugin on a message ----

  async function tryPlugin() {
    const file = $("eml-file").files[0];
    const body = file || $("eml-text").value;
    if (!body || (typeof body === "string" && !body.trim())) {
      error("Paste a message or choose a .eml file first.");
      return;
    }
    const target = $("try-result");
    try {
      const result = await api("POST", "/plugin/run", body, "message/rfc822");
      target.replaceChildren(el("div", {}, el("h3", { className: result.status }, "Result: " + result.status),
        scenarioDetails(result)));
      status("The plugin ran on the message.");
    } catch (e) {
      target.replaceChildren(el("p", { className: "refused" }, e.message));
      error("Could not run the plugin: " + e.message);
    }
  }

  // ---- the trace, followed by long polling ----

  async function loadTrace() {
    const page = await api("GET", "/plugin/trace?limit=50");
    $("trace-table").tBodies[0].replaceChildren();
    addTraceEntries(page.entries);
    traceNext = page.next;
  }

  function addTraceEntries(entries) {
    const body = $("trace-table").tBodies[0];
    for (const entry of entries) {
      body.prepend(traceRow(entry));
    }
    while (body.rows.length > TRACE_ROWS) body.deleteRow(-1);
  }

  function traceRow(entry) {
    return el("tr", { id: "trace-" + entry.id, className: "trace-entry" },
      el("td", {}, el("time", { datetime: entry.time }, new Date(entry.time).toLocaleString())),
      el("td", { className: "sender" }, entry.sender || "(null sender)"),
      el("td", { className: "subject" }, entry.subject),
      el("td", {}, String(entry.version)),
      el("td", { className: "outcome " + entry.outcome.split(":")[0] }, entry.outcome + (entry.reply ? ", replied" : "")),
      el("td", {}, entry.durationMillis.toFixed(2) + " ms"),
      el("td", {}, el("details", {}, el("summary", {}, "Details"), traceDetails(entry))));
  }

  function traceDetails(entry) {
    return [
      el("p", {}, "Message-ID: " + (entry.messageId || "(none)")),
      entry.returnCode !== undefined ? el("p", {}, "Returned " + entry.returnCode) : null,
      entry.failure ? el("p", { className: "failed" }, "Failed: " + entry.failure.reason + ": " + entry.failure.message) : null,
      entry.delivered ? el("p", {}, "Changed headers: ", headerChanges(entry.delivered.changedHeaders),
        entry.delivered.bodyChanged ? " The body was replaced." : "") : null,
      entry.reply ? el("p", {}, "Replied, subject: " + entry.reply.subject) : null,
      logLines(entry.logs || []),
    ];
  }

  function startPolling() {
    if (polling || !$("live").checked) return;
    polling = true;
    const generation = ++pollGeneration;
    (async () => {
      while (generation === pollGeneration && $("live").checked && sessionStorage.getItem(TOKEN_KEY)) {
        try {
          const page = await api("GET", "/plugin/trace?limit=50&after=" + encodeURIComponent(traceNext)
            + "&wait=" + LONG_POLL);
          if (generation !== pollGeneration) break;
          addTraceEntries(page.entries);
          traceNext = page.next;
        } catch (e) {
          if (e.status === 401) break;
          await sleep(e.status === 429 ? 60000 : 5000);
        }
      }
      if (generation === pollGeneration) polling = false;
    })();
  }

  function sleep(millis) {
    return new Promise((resolve) => setTimeout(resolve, millis));
  }

  // ---- wiring ----

  document.addEventListener("DOMContentLoaded", () => {
    $("redeem-form").addEventListener("submit", redeem);
    $("token-form").addEventListener("submit", signIn);
    $("sign-out").addEventListener("click", () => signOut());
    $("delete-plugin").addEventListener("click", deletePlugin);
    $("upload").addEventListener("click", () => upload(false));
    $("test-upload").addEventListener("click", () => upload(true));
    $("wasm-file").addEventListener("change", () => chooseModule($("wasm-file").files[0]));
    $("add-config").addEventListener("click", () => {
      const row = configRow("", "");
      $("config-table").tBodies[0].append(row);
      row.querySelector("input").focus();
    });
    $("save-config").addEventListener("click", saveConfig);
    $("try").addEventListener("click", tryPlugin);
    $("live").addEventListener("change", () => {
      if ($("live").checked) {
        startPolling();
      } else {
        pollGeneration++;
        polling = false;
      }
    });

    const zone = $("drop-zone");
    zone.addEventListener("click", () => $("wasm-file").click());
    zone.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        $("wasm-file").click();
      }
    });
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("over");
      chooseModule(event.dataTransfer.files[0]);
    });

    if (sessionStorage.getItem(TOKEN_KEY)) {
      start().catch((e) => signOut("Sign in again: " + e.message));
    }
  });
})();
