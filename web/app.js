// app.js — the web page of `aicert serve`: a job title, the occupation, the
// task mix, the interview's questions (GET /api/v1/questionnaire), then the
// assessment the library renders as HTML (POST /api/v1/assess?format=html),
// where each "what if" re-assesses with that answer.  The profile lives in
// this page only; the server keeps nothing.  No framework, no inline code:
// the page works under the server's strict Content-Security-Policy.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const words = $("words").dataset;
  const groupTitles = $("group-titles").dataset;

  // The words of the page, with {placeholders} filled.
  function say(key, args) {
    let s = words[key.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] || "";
    for (const [k, v] of Object.entries(args || {})) s = s.split("{" + k + "}").join(String(v));
    return s;
  }

  const state = {
    questionnaire: null, // the interview's questions
    byId: {},
    groups: [], // [{name, questions}]
    group: 0,
    profile: null,
    certs: [],
    assessment: null, // the last assessment as JSON
    reportHtml: "",
    before: null, // the profile before a "what if", for undo
  };

  // ------------------------------------------------------------ paths in the profile

  function getPath(obj, path) {
    let cur = obj;
    for (const key of path.split(".")) {
      if (cur === null || typeof cur !== "object" || !(key in cur)) return undefined;
      cur = cur[key];
    }
    return cur;
  }

  function setPath(obj, path, value) {
    const keys = path.split(".");
    let cur = obj;
    for (const key of keys.slice(0, -1)) {
      if (cur[key] === null || typeof cur[key] !== "object" || Array.isArray(cur[key])) cur[key] = {};
      cur = cur[key];
    }
    const last = keys[keys.length - 1];
    if (value === undefined) delete cur[last];
    else cur[last] = value;
    // An object left empty is no answer at all.
    for (let i = keys.length - 1; i > 0; i--) {
      const parent = keys.slice(0, i).join(".");
      const o = getPath(obj, parent);
      if (o && typeof o === "object" && !Array.isArray(o) && Object.keys(o).length === 0)
        setPath(obj, parent, undefined);
      else break;
    }
  }

  function newProfile() {
    return { schema: state.questionnaire ? state.questionnaire.profile_schema : "aicert/profile/v2" };
  }

  // ------------------------------------------------------------ the server

  async function api(method, url, body, accept) {
    let res;
    try {
      res = await fetch(url, {
        method,
        headers: body ? { "Content-Type": "application/json", Accept: accept || "application/json" } : {},
        body: body ? JSON.stringify(body) : undefined,
        cache: "no-store",
      });
    } catch (e) {
      throw { problems: [{ message: say("network", { why: e.message }) }] };
    }
    const type = res.headers.get("Content-Type") || "";
    if (!res.ok) {
      let p = null;
      if (type.includes("json")) p = await res.json().catch(() => null);
      throw { problems: (p && p.problems) || [{ message: (p && (p.detail || p.title)) || res.status + " " + res.statusText }] };
    }
    return type.includes("json") ? res.json() : res.text();
  }

  function showProblems(err) {
    const list = $("problem-list");
    list.replaceChildren();
    for (const p of (err && err.problems) || [{ message: String(err) }]) {
      const li = document.createElement("li");
      if (p.path) {
        const code = document.createElement("code");
        code.textContent = p.path;
        li.append(code, ": ");
      }
      li.append(p.message || (p.found + ", expected " + p.expected));
      list.append(li);
    }
    $("problems").hidden = false;
    $("problems").focus();
  }

  function clearProblems() {
    $("problems").hidden = true;
  }

  function announce(text) {
    $("status").textContent = text;
  }

  // ------------------------------------------------------------ steps

  const steps = ["step-title", "step-tasks", "step-questions", "step-result"];

  function show(step, heading) {
    for (const s of steps) $(s).hidden = s !== step;
    // The report has a title of its own; the page's gives way to it.
    document.body.classList.toggle("on-result", step === "step-result");
    const total = 3 + Math.max(0, state.groups.length - 1);
    const n = step === "step-title" ? 1 : step === "step-tasks" ? 2 : 3 + state.group;
    const p = $(step).querySelector(".progress");
    if (p) p.textContent = say("progress", { n, total });
    const h = $(heading || $(step).getAttribute("aria-labelledby"));
    h.focus();
    window.scrollTo(0, 0);
  }

  // ------------------------------------------------------------ step 1: title and occupation

  async function findOccupations(ev) {
    ev.preventDefault();
    clearProblems();
    const title = $("title").value.trim();
    setPath(state.profile, "role.title", title || undefined);
    const box = $("occupations");
    box.replaceChildren();
    if (!title) {
      goTasks();
      return;
    }
    announce(say("searching"));
    let found = { matches: [] };
    try {
      found = await api("GET", "/api/v1/occupations?q=" + encodeURIComponent(title));
    } catch (e) {
      // Without occupation data the page still works: tasks are listed by hand.
      found = { matches: [] };
    }
    const current = getPath(state.profile, "role.occupation");
    const options = found.matches.map((m) => ({ value: m.code, label: m.title, hint: m.matched !== m.title ? say("via", { matched: m.matched }) : "" }));
    options.push({ value: "", label: say("no-occupation"), hint: "" });
    options.forEach((o, i) => {
      box.append(choice("radio", "occupation", "occ-" + i, o.value, o.label, o.hint,
        current ? current === o.value : i === 0));
    });
    $("none-found").hidden = found.matches.length > 0;
    $("occupation-form").hidden = false;
    announce(say("found", { count: found.matches.length }));
    box.querySelector("input:checked").focus();
  }

  function choice(type, name, id, value, label, hint, checked) {
    const div = document.createElement("div");
    div.className = "choice";
    const input = document.createElement("input");
    Object.assign(input, { type, name, id, value, checked });
    const lab = document.createElement("label");
    lab.htmlFor = id;
    lab.textContent = label;
    div.append(input, lab);
    if (hint) {
      const h = document.createElement("span");
      h.className = "hint";
      h.id = id + "-hint";
      h.textContent = hint;
      input.setAttribute("aria-describedby", h.id);
      div.append(h);
    }
    return div;
  }

  async function pickOccupation(ev) {
    ev.preventDefault();
    clearProblems();
    const picked = document.querySelector("input[name=occupation]:checked");
    const code = picked ? picked.value : "";
    const before = getPath(state.profile, "role.occupation");
    setPath(state.profile, "role.occupation", code || undefined);
    if (code && (code !== before || !(getPath(state.profile, "role.tasks") || []).length)) {
      try {
        const occ = await api("GET", "/api/v1/occupations/" + encodeURIComponent(code));
        setPath(state.profile, "role.tasks", tasksFromGroups(occ.task_groups || []));
        $("tasks-from").hidden = false;
      } catch (e) {
        showProblems(e);
        return;
      }
    }
    goTasks();
  }

  // Whole percents that add up to 100 (largest remainders first).
  function wholePercents(shares) {
    const raw = shares.map((s) => s * 100);
    const out = raw.map(Math.floor);
    let left = 100 - out.reduce((a, b) => a + b, 0);
    const order = raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; left > 0 && order.length; k = (k + 1) % order.length, left--) out[order[k][1]]++;
    return out;
  }

  // The occupation's task groups as a task mix to adjust: one task per kind
  // of work, named by its largest task.
  function tasksFromGroups(groups) {
    const shares = wholePercents(groups.map((g) => g.share));
    return groups
      .map((g, i) => ({ name: g.tasks[0] || categoryLabel(g.category), share: shares[i], category: g.category }))
      .filter((t) => t.share > 0);
  }

  // ------------------------------------------------------------ step 2: the task mix

  function taskQuestion(id) {
    return state.byId[id] || { choices: [], field: {} };
  }

  function categoryLabel(value) {
    const c = taskQuestion("task_category").choices.find((c) => c.value === value);
    return c ? c.label : value;
  }

  function goTasks() {
    announce("");
    $("tasks-why").textContent = taskQuestion("tasks").why || "";
    renderTasks();
    show("step-tasks");
  }

  function renderTasks() {
    const rows = $("task-rows");
    rows.replaceChildren();
    const tasks = getPath(state.profile, "role.tasks") || [];
    tasks.forEach((t, i) => rows.append(taskRow(t, i)));
    updateTotal();
  }

  // One task: its name, its share of the time and its kind of work, each
  // with a visible label, and a button to remove it.
  function taskRow(t, i) {
    const n = i + 1;
    const labels = $("task-rows").dataset;
    const li = document.createElement("li");
    const field = (cls, text, el) => {
      const div = document.createElement("div");
      div.className = cls;
      const label = document.createElement("label");
      label.htmlFor = el.id;
      label.textContent = text;
      div.append(label, el);
      li.append(div);
    };
    const name = document.createElement("input");
    Object.assign(name, { type: "text", value: t.name || "", maxLength: 200, id: "task-name-" + i });
    name.addEventListener("input", () => { t.name = name.value; });
    const share = document.createElement("input");
    Object.assign(share, { type: "number", min: 0, max: 100, step: "any", value: t.share ?? "", id: "task-share-" + i, inputMode: "decimal" });
    share.addEventListener("input", () => {
      const v = parseFloat(share.value);
      if (Number.isFinite(v)) t.share = v;
      else delete t.share;
      updateTotal();
    });
    const cat = document.createElement("select");
    cat.id = "task-category-" + i;
    for (const c of taskQuestion("task_category").choices) {
      const o = document.createElement("option");
      o.value = c.value;
      o.textContent = c.label;
      o.selected = c.value === t.category;
      cat.append(o);
    }
    if (!t.category && cat.options.length) t.category = cat.value;
    cat.addEventListener("change", () => { t.category = cat.value; });
    field("name", labels.name + " " + n, name);
    field("share", labels.share, share);
    field("category", labels.category, cat);
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "remove";
    remove.textContent = say("remove");
    remove.setAttribute("aria-label", say("remove-task", { n }));
    remove.addEventListener("click", () => {
      const tasks = getPath(state.profile, "role.tasks");
      tasks.splice(i, 1);
      if (!tasks.length) setPath(state.profile, "role.tasks", undefined);
      renderTasks();
      const next = $("task-name-" + Math.min(i, tasks.length - 1)) || $("add-task");
      next.focus();
    });
    li.append(remove);
    return li;
  }

  function updateTotal() {
    const tasks = getPath(state.profile, "role.tasks") || [];
    const total = tasks.reduce((a, t) => a + (Number(t.share) || 0), 0);
    const el = $("total");
    el.textContent = !tasks.length ? el.dataset.none
      : Math.abs(total - 100) < 0.05 ? el.dataset.ok
      : el.dataset.off.replace("{total}", Math.round(total * 10) / 10);
  }

  function addTask() {
    const tasks = getPath(state.profile, "role.tasks") || [];
    tasks.push({ name: "", share: 10 });
    setPath(state.profile, "role.tasks", tasks);
    renderTasks();
    $("task-name-" + (tasks.length - 1)).focus();
  }

  function tasksDone(ev) {
    ev.preventDefault();
    const tasks = getPath(state.profile, "role.tasks") || [];
    // A row left without a name or a share is not a task.
    const kept = tasks.filter((t) => (t.name || "").trim() && Number(t.share) > 0);
    setPath(state.profile, "role.tasks", kept.length ? kept : undefined);
    state.group = 0;
    renderGroup();
    show("step-questions");
  }

  // ------------------------------------------------------------ step 3: the questions

  // Questions gather by the part of the profile they fill; a gap named is
  // asked beside the motives.
  function groupOf(q) {
    const top = q.field.path.split(".")[0];
    return top === "capability_gap" ? "motives" : top;
  }

  function buildGroups() {
    const groups = [];
    for (const q of state.questionnaire.questions) {
      if (q.within || q.kind === "title" || q.kind === "tasks") continue;
      const name = groupOf(q);
      let g = groups.find((x) => x.name === name);
      if (!g) groups.push((g = { name, questions: [] }));
      g.questions.push(q);
    }
    state.groups = groups;
  }

  // Whether a question is asked, given the answers so far.
  function asked(q) {
    return (q.when || []).every((w) => {
      const v = getPath(state.profile, w.field);
      switch (w.op) {
        case "answered": return v !== undefined;
        case "unanswered": return v === undefined;
        case "is": return v !== undefined && w.values.map(String).includes(String(v));
        case "not": return v === undefined || !w.values.map(String).includes(String(v));
        default: return true;
      }
    });
  }

  function renderGroup() {
    const g = state.groups[state.group];
    $("h-questions").textContent = groupTitles[g.name] || g.name;
    const box = $("question-group");
    box.replaceChildren();
    for (const q of g.questions) {
      const el = questionBlock(q);
      el.hidden = !asked(q);
      box.append(el);
    }
    $("questions-next").hidden = false;
  }

  function refreshAsked() {
    const g = state.groups[state.group];
    for (const q of g.questions) {
      const el = $("q-" + q.id);
      if (el) el.hidden = !asked(q);
    }
  }

  function answer(q, value) {
    setPath(state.profile, q.field.path, value);
    refreshAsked();
  }

  function hint(q, id) {
    const p = document.createElement("p");
    p.className = "hint";
    p.id = id;
    p.textContent = q.why || "";
    return p;
  }

  function questionBlock(q) {
    const current = getPath(state.profile, q.field.path);
    const hintId = "why-" + q.id;
    if (q.kind === "one" || q.kind === "many") {
      const fs = document.createElement("fieldset");
      fs.id = "q-" + q.id;
      fs.setAttribute("aria-describedby", hintId);
      const legend = document.createElement("legend");
      legend.textContent = q.ask;
      const box = document.createElement("div");
      box.className = "choices";
      fs.append(legend, hint(q, hintId), box);
      if (q.kind === "one") {
        const all = q.choices.map((c) => ({ value: c.value, label: c.label }));
        all.push({ value: undefined, label: say("skip") });
        all.forEach((c, i) => {
          const d = choice("radio", "q-" + q.id, "q-" + q.id + "-" + i, i, c.label, "",
            c.value === undefined ? current === undefined : current !== undefined && String(current) === String(c.value));
          d.querySelector("input").addEventListener("change", () => answer(q, c.value));
          box.append(d);
        });
      } else {
        const have = Array.isArray(current) ? current : [];
        q.choices.forEach((c, i) => {
          const d = choice("checkbox", "q-" + q.id, "q-" + q.id + "-" + i, i, c.label, "", have.includes(c.value));
          d.querySelector("input").addEventListener("change", () => {
            const picked = q.choices.filter((_, k) => $("q-" + q.id + "-" + k).checked).map((x) => x.value);
            answer(q, picked.length ? picked : undefined);
          });
          box.append(d);
        });
      }
      return fs;
    }
    const div = document.createElement("div");
    div.id = "q-" + q.id;
    div.className = "question";
    const label = document.createElement("label");
    label.htmlFor = "in-" + q.id;
    label.textContent = q.kind === "certificate" ? say("pick-certificate") : q.ask;
    let input;
    if (q.kind === "certificate") {
      input = document.createElement("select");
      const none = document.createElement("option");
      none.value = "";
      none.textContent = say("no-certificate");
      input.append(none);
      const id = getPath(state.profile, "certification.id");
      for (const c of state.certs) {
        const o = document.createElement("option");
        o.value = c.id;
        o.textContent = c.name + (c.provider ? " (" + c.provider + ")" : "");
        o.selected = c.id === id;
        input.append(o);
      }
      input.addEventListener("change", () => {
        setPath(state.profile, "certification", input.value ? { id: input.value } : undefined);
        refreshAsked();
      });
    } else {
      input = document.createElement("input");
      input.type = q.kind === "number" ? "number" : "text";
      if (q.kind === "number") {
        input.inputMode = "decimal";
        input.step = "any";
        if (q.field.minimum !== undefined) input.min = q.field.minimum;
        if (q.field.maximum !== undefined) input.max = q.field.maximum;
      } else {
        input.maxLength = 500;
      }
      input.value = current ?? "";
      input.addEventListener("input", () => {
        const v = input.value.trim();
        if (q.kind === "number") {
          const n = parseFloat(v);
          answer(q, v === "" || !Number.isFinite(n) ? undefined : n);
        } else {
          answer(q, v === "" ? undefined : input.value);
        }
      });
    }
    input.id = "in-" + q.id;
    input.setAttribute("aria-describedby", hintId);
    div.append(label, hint(q, hintId), input);
    return div;
  }

  function nextGroup(ev) {
    ev.preventDefault();
    if (state.group + 1 < state.groups.length) {
      state.group++;
      renderGroup();
      show("step-questions");
    } else {
      assess();
    }
  }

  function back() {
    if (!$("step-questions").hidden && state.group > 0) {
      state.group--;
      renderGroup();
      show("step-questions");
    } else if (!$("step-questions").hidden) {
      goTasks();
    } else {
      show("step-title");
    }
  }

  // ------------------------------------------------------------ step 4: the assessment

  async function assess() {
    clearProblems();
    announce(say("assessing"));
    let doc, html;
    try {
      [doc, html] = await Promise.all([
        api("POST", "/api/v1/assess", state.profile),
        api("POST", "/api/v1/assess?format=html", state.profile, "text/html"),
      ]);
    } catch (e) {
      announce("");
      showProblems(e);
      return;
    }
    state.assessment = doc;
    state.reportHtml = html;
    showReport(html, doc);
    show("step-result", "h-result");
    announce(say("assessed", { verdict: verdictWords() }));
  }

  function verdictWords() {
    const shadow = $("report").shadowRoot;
    const lead = shadow && shadow.querySelector(".lead");
    return lead ? lead.textContent : state.assessment.verdict;
  }

  // The report is the library's own HTML page: its body goes into a shadow
  // root, its style into a constructed style sheet, which a strict CSP
  // allows where an inline <style> is refused.  The style is cut out of the
  // text before it is parsed, so that not even the parser meets it.
  function showReport(html, doc) {
    const open = html.indexOf("<style>"), close = html.indexOf("</style>");
    const css = open >= 0 && close > open ? html.slice(open + 7, close) : "";
    const page = new DOMParser().parseFromString(open >= 0 && close > open ? html.slice(0, open) + html.slice(close + 8) : html, "text/html");
    const host = $("report");
    const root = host.shadowRoot || host.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css.replace(/\bbody\b/g, ":host"));
    const own = new CSSStyleSheet();
    own.replaceSync(WHATIF_CSS);
    root.adoptedStyleSheets = [sheet, own];
    const main = page.querySelector("main");
    const body = document.createElement("div");
    body.className = "body";
    for (const n of Array.from(main.childNodes)) body.append(document.importNode(n, true));
    root.replaceChildren(body);
    addWhatIfs(root, doc);
  }

  const WHATIF_CSS =
    ":host{display:block;margin:0;max-width:none;padding:0}" +
    ".whatifs{display:flex;flex-wrap:wrap;gap:.5rem;margin:.4rem 0 .2rem;padding:0}" +
    ".whatif{font:inherit;font-size:.95rem;padding:.35rem .7rem;border:2px solid #2f5f8f;border-radius:.3rem;" +
    "background:#fff;color:#1d4a73;cursor:pointer}" +
    ".whatif:hover{background:#eef4fa}" +
    ".whatif:focus-visible{outline:3px solid #ffbf47;outline-offset:1px}";

  // An answer in plain words: the questionnaire's label for it when the
  // field is one of its questions.
  function answerWords(v, field) {
    const q = state.questionnaire && state.questionnaire.questions.find((x) => x.field.path === field);
    const c = q && q.choices.find((x) => String(x.value) === String(v));
    if (c) return c.label;
    if (v === true) return say("answer-true");
    if (v === false) return say("answer-false");
    if (v === "" || v === null || (Array.isArray(v) && !v.length)) return say("empty");
    return Array.isArray(v) ? v.join(", ") : String(v);
  }

  // Each "what if" the report lists (data-ref, an entry of what_changes)
  // gets a button per answer that re-assesses with it.
  function addWhatIfs(root, doc) {
    for (const li of root.querySelectorAll("li[data-ref]")) {
      const m = /^what_changes\.(unanswered|actions|rests_on)\[(\d+)\]$/.exec(li.dataset.ref);
      const entry = m && doc.what_changes[m[1]][Number(m[2])];
      if (!entry) continue;
      const tries = m[1] === "unanswered"
        ? entry.outcomes.map((o) => ({ value: o.answer, words: answerWords(o.answer, entry.field) }))
        : [{ value: entry.to, words: answerWords(entry.to, entry.field) }];
      const box = document.createElement("div");
      box.className = "whatifs";
      for (const t of tries) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "whatif";
        b.textContent = m[1] === "actions" ? say("whatif-change") : say("whatif", { answer: t.words });
        b.addEventListener("click", () => whatIf(entry, t, m[1]));
        box.append(b);
      }
      li.append(box);
    }
  }

  async function whatIf(entry, t, kind) {
    state.before = state.before || JSON.parse(JSON.stringify(state.profile));
    setPath(state.profile, entry.field, t.value);
    $("whatif-said").textContent = kind === "actions"
      ? say("whatif-action", { question: entry.says })
      : say("whatif-said", { answer: t.words, question: entry.question || entry.says });
    $("whatif-note").hidden = false;
    await assess();
  }

  async function undo() {
    if (state.before) state.profile = state.before;
    state.before = null;
    $("whatif-note").hidden = true;
    await assess();
  }

  // ------------------------------------------------------------ saving and loading

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function load(ev) {
    const file = ev.target.files[0];
    if (!file) return;
    file.text().then((text) => {
      let p;
      try {
        p = JSON.parse(text);
      } catch (e) {
        throw new Error(e.message);
      }
      if (!p || typeof p !== "object" || Array.isArray(p)) throw new Error("not a JSON object");
      state.profile = p;
      state.before = null;
      $("title").value = getPath(p, "role.title") || "";
      clearProblems();
      announce(say("loaded"));
      goTasks();
    }).catch((e) => showProblems({ problems: [{ message: say("load-failed", { why: e.message }) }] }));
    ev.target.value = "";
  }

  function restart() {
    state.profile = newProfile();
    state.before = null;
    $("title").value = "";
    $("occupation-form").hidden = true;
    $("tasks-from").hidden = true;
    $("whatif-note").hidden = true;
    show("step-title");
  }

  // ------------------------------------------------------------ start

  async function start() {
    state.profile = newProfile();
    $("title-form").addEventListener("submit", findOccupations);
    $("occupation-form").addEventListener("submit", pickOccupation);
    $("tasks-form").addEventListener("submit", tasksDone);
    $("add-task").addEventListener("click", addTask);
    $("questions-form").addEventListener("submit", nextGroup);
    $("assess-now").addEventListener("click", assess);
    for (const b of document.querySelectorAll("button.back")) b.addEventListener("click", back);
    $("edit").addEventListener("click", () => { state.group = 0; goTasks(); });
    $("undo").addEventListener("click", undo);
    $("restart").addEventListener("click", restart);
    $("load").addEventListener("change", load);
    $("download-profile").addEventListener("click", () =>
      download("aicert-profile.json", "application/json", JSON.stringify(state.profile, null, 2) + "\n"));
    $("download-report").addEventListener("click", () =>
      download("aicert-assessment.html", "text/html", state.reportHtml));
    try {
      const [q, certs] = await Promise.all([api("GET", "/api/v1/questionnaire"), api("GET", "/api/v1/certs")]);
      state.questionnaire = q;
      for (const x of q.questions) state.byId[x.id] = x;
      state.certs = certs.certifications || [];
      state.profile = newProfile();
      buildGroups();
    } catch (e) {
      showProblems(e);
    }
    document.body.classList.add("ready");
  }

  start();
})();
