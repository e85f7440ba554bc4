/* The SPARQL page (api/templates/sparql.html): CodeMirror 5 over the query box when it is served, examples,
   run, a results table, downloads, and the server's answers to a bad or too large query shown as such.
   Without this script the page is a form that posts the query to /sparql. */
(function () {
  "use strict";
  const form = document.getElementById("sparql-form");
  const textarea = document.getElementById("query");
  const status = document.getElementById("status");
  const warning = document.getElementById("warning");
  const downloads = document.getElementById("downloads");
  const box = document.getElementById("results-box");
  const head = document.querySelector("#results thead");
  const body = document.querySelector("#results tbody");
  const graph = document.getElementById("graph-answer");
  const shownRows = Number(form.dataset.shownRows);
  const longestLink = 6000; // longer GET links may pass the server's request-line limit: POSTed instead
  let marks = [];

  document.documentElement.classList.add("js");
  let editor = null;
  if (window.CodeMirror) {
    editor = window.CodeMirror.fromTextArea(textarea, {
      mode: "application/sparql-query", lineNumbers: true, lineWrapping: true, indentUnit: 2,
      inputStyle: "contenteditable",
      screenReaderLabel: "SPARQL query", viewportMargin: Infinity,
      extraKeys: {"Ctrl-Enter": () => run(), "Cmd-Enter": () => run(), "Tab": false, "Shift-Tab": false},
    });
    const input = editor.getInputField();
    input.setAttribute("aria-labelledby", "query-label");
    input.setAttribute("aria-describedby", "query-help");
    input.setAttribute("aria-multiline", "true");
    input.setAttribute("role", "textbox");
    document.getElementById("query-label").addEventListener("click", () => editor.focus());
    editor.on("change", clearMarks);
  }
  const text = () => (editor ? editor.getValue() : textarea.value);
  const setText = (value) => (editor ? editor.setValue(value) : (textarea.value = value));

  function clearMarks() {
    for (const mark of marks) mark.clear();
    if (editor) editor.eachLine((line) => editor.removeLineClass(line, "background", "parse-error-line"));
    marks = [];
  }

  function say(message, kind) {
    status.textContent = message;
    status.className = kind || "";
  }

  function warn(message) {
    warning.textContent = message;
    warning.hidden = !message;
  }

  function reset() {
    clearMarks();
    warn("");
    head.innerHTML = ""; body.innerHTML = "";
    box.hidden = true; graph.hidden = true; downloads.hidden = true;
  }

  /* Examples: the select + button work as a GET form without script; with it, the text is fetched. */
  const examples = document.getElementById("examples-form");
  const select = document.getElementById("example");
  examples.addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = select.value;
    const response = await fetch(`/ui/sparql/examples/${encodeURIComponent(name)}.rq`);
    if (!response.ok) { say(`Could not load the example ${name} (${response.status})`, "error"); return; }
    setText(await response.text());
    reset();
    const option = select.selectedOptions[0];
    const group = option.parentElement.label === "Examples" ? "examples" : "queries";
    document.querySelector("#example-summary").firstChild.textContent = option.dataset.summary + " ";
    document.getElementById("example-path").textContent = `kg/${group}/${name}.rq`;
    history.replaceState(null, "", `?example=${encodeURIComponent(name)}`);
    say(`Loaded ${name}.`);
  });

  function link(query, format) {
    return "/sparql?" + new URLSearchParams({query: query, format: format}).toString();
  }

  function offerDownloads(query, graphForm) {
    const formats = graphForm ? [["turtle", "Turtle", "ttl"], ["jsonld", "JSON-LD", "jsonld"]]
                              : [["csv", "CSV", "csv"], ["json", "JSON", "json"]];
    for (const [anchor, [format, name, ext]] of [["download-csv", formats[0]], ["download-json", formats[1]]]) {
      const a = document.getElementById(anchor);
      a.textContent = name;
      a.href = link(query, format);
      a.download = `answer.${ext}`;
      a.dataset.format = format;
      a.dataset.query = query;
    }
    downloads.hidden = false;
  }

  /* A download link too long for a GET is fetched by POST and saved from memory. */
  for (const id of ["download-csv", "download-json"]) {
    document.getElementById(id).addEventListener("click", async (event) => {
      const a = event.currentTarget;
      if (a.href.length <= longestLink || a.dataset.blob) return;
      event.preventDefault();
      const response = await fetch("/sparql?format=" + a.dataset.format, {method: "POST",
        headers: {"Content-Type": "application/sparql-query"}, body: a.dataset.query});
      const saved = document.createElement("a");
      saved.href = URL.createObjectURL(await response.blob());
      saved.download = a.download;
      saved.dataset.blob = "1";
      document.body.appendChild(saved);
      saved.click();
      saved.remove();
    });
  }

  /* The parser's line and column (1-based, counted in characters) marked in the editor or selected in the box. */
  function markError(line, column, message) {
    if (!line || !column) return;
    if (editor) {
      const at = line - 1;
      const lineText = editor.getLine(at) || "";
      const ch = Array.from(lineText).slice(0, column - 1).join("").length; // code points -> UTF-16 units
      editor.addLineClass(at, "background", "parse-error-line");
      if (ch < lineText.length) {
        const token = editor.getTokenAt({line: at, ch: ch + 1});
        const end = token && token.end > ch ? token.end : ch + 1;
        marks.push(editor.markText({line: at, ch: ch}, {line: at, ch: end},
                                   {className: "parse-error", attributes: {title: message}}));
      } else {
        const here = document.createElement("span");
        here.className = "parse-error parse-error-end";
        here.title = message;
        here.textContent = "\u25c2";
        marks.push(editor.setBookmark({line: at, ch: ch}, {widget: here}));
      }
      editor.setCursor({line: at, ch: ch});
      editor.scrollIntoView({line: at, ch: ch}, 80);
    } else {
      const lines = textarea.value.split("\n");
      let offset = 0;
      for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
      offset += Array.from(lines[line - 1] || "").slice(0, column - 1).join("").length;
      textarea.focus();
      textarea.setSelectionRange(offset, offset + 1);
    }
  }

  async function problemOf(response) {
    try { return await response.json(); } catch (error) { return {detail: response.statusText}; }
  }

  function table(answer) {
    const vars = answer.head.vars;
    const rows = answer.results.bindings;
    const tr = document.createElement("tr");
    for (const v of vars) { const th = document.createElement("th"); th.scope = "col"; th.textContent = v; tr.appendChild(th); }
    head.appendChild(tr);
    const fragment = document.createDocumentFragment();
    for (const binding of rows.slice(0, shownRows)) {
      const row = document.createElement("tr");
      for (const v of vars) {
        const td = document.createElement("td");
        const term = binding[v];
        if (term) {
          td.textContent = term.value;
          if (term.datatype) td.title = term.datatype;
          if (term.type === "uri") td.className = "iri";
        }
        row.appendChild(td);
      }
      fragment.appendChild(row);
    }
    body.appendChild(fragment);
    box.hidden = false;
    return rows.length;
  }

  async function run(event) {
    if (event) event.preventDefault();
    reset();
    const query = text();
    say("Running…");
    const started = performance.now();
    let response;
    try {
      response = await fetch("/sparql", {method: "POST", headers: {"Content-Type": "application/sparql-query",
        "Accept": "application/sparql-results+json, application/n-triples;q=0.9"}, body: query});
    } catch (error) {
      say(`The server did not answer (${error.message}).`, "error");
      return;
    }
    if (!response.ok) {
      const problem = await problemOf(response);
      say(`${response.status} ${problem.title || response.statusText}: ${problem.detail}`, "error");
      if (response.status === 400) markError(problem.line, problem.column, problem.detail);
      if (response.status === 413) {
        const unit = problem.setting === "CYBERGOV_MAX_RESULT_BYTES" ? "bytes" : "rows or triples";
        const cap = problem.limit ? ` of ${Number(problem.limit).toLocaleString("en")} ${unit}` : "";
        warn(`The answer was refused: it is larger than the server's cap${cap}. ` +
             "Nothing was cut: add LIMIT and OFFSET to read it page by page, or narrow the query.");
      }
      return;
    }
    const ms = Math.round(performance.now() - started);
    const type = response.headers.get("content-type") || "";
    const truncated = response.headers.get("x-result-truncated") === "true";
    if (type.includes("sparql-results+json")) {
      const answer = await response.json();
      if ("boolean" in answer) { say(`ASK: ${answer.boolean} (${ms} ms)`); offerDownloads(query, false); return; }
      const count = table(answer);
      offerDownloads(query, false);
      say(`${count.toLocaleString("en")} row(s) in ${ms} ms`);
      const notes = [];
      if (count > shownRows) {
        notes.push(`The table shows the first ${shownRows.toLocaleString("en")} of ${count.toLocaleString("en")} rows; ` +
                   "the CSV and JSON downloads hold all of them.");
      }
      if (truncated) notes.push("The server marked this answer as cut short.");
      warn(notes.join(" "));
    } else {
      const lines = (await response.text()).split("\n").filter((l) => l.trim());
      graph.textContent = lines.slice(0, shownRows).join("\n");
      graph.hidden = false;
      offerDownloads(query, true);
      say(`${lines.length.toLocaleString("en")} triple(s) in ${ms} ms`);
      if (lines.length > shownRows) {
        warn(`Shown: the first ${shownRows.toLocaleString("en")} of ${lines.length.toLocaleString("en")} triples; ` +
             "the downloads hold all of them.");
      }
    }
  }

  form.addEventListener("submit", run);
})();
