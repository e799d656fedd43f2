/* Offline search of the site. Plain JavaScript, no framework, no build step.
 *
 * The index (tim-kiem/chi-muc/) is a set of JavaScript files that call
 * kcSearch.manifest, kcSearch.add and kcSearch.docs. They are loaded as
 * <script> elements rather than with fetch(), which Chromium refuses for
 * files opened from disk (file://): this way the search works from disk,
 * from any static server and under any sub-path. Shards are loaded on
 * demand and kept for later queries. Results are built with DOM calls and
 * textContent only, never from HTML. */
(function () {
  "use strict";

  var root = document.getElementById("kc-search");
  if (!root) return;
  var base = root.getAttribute("data-index");
  var S = JSON.parse(root.getAttribute("data-strings") || "{}");
  var input = document.getElementById("kc-q");
  var status = document.getElementById("kc-status");
  var list = document.getElementById("kc-results");
  var moreBtn = document.getElementById("kc-more");
  var PAGE = 20;
  var PREFIX_BUDGET = 96 * 1024; // bytes of shards a partial word may load
  var KIND_ORDER = { p: 0, e: 1, d: 2, c: 3, r: 4, u: 5, n: 6 };

  var manifest = null;
  var shardKeys = [];
  var shardInfo = {};
  var shards = {}; // key -> {token: [variants, postings]}
  var chunks = {}; // chunk number -> documents
  var waiting = {}; // file -> [callbacks]
  var loaded = {}; // file -> true once its script has run

  function fmt(s, args) {
    var i = 0;
    return String(s).replace(/%d/g, function () { return String(args[i++]); });
  }

  function load(file, done) {
    if (loaded[file]) { done(true); return; }
    if (waiting[file]) { waiting[file].push(done); return; }
    waiting[file] = [done];
    var el = document.createElement("script");
    el.src = base + file;
    el.async = true;
    function finish(ok) {
      var cbs = waiting[file] || [];
      delete waiting[file];
      if (ok) loaded[file] = true;
      for (var i = 0; i < cbs.length; i++) cbs[i](ok);
    }
    el.onload = function () { finish(true); };
    el.onerror = function () { el.parentNode && el.parentNode.removeChild(el); finish(false); };
    document.head.appendChild(el);
  }

  function loadAll(files, done) {
    var left = files.length, ok = true;
    if (!left) { done(true); return; }
    files.forEach(function (f) {
      load(f, function (good) {
        ok = ok && good;
        if (--left === 0) done(ok);
      });
    });
  }

  window.kcSearch = {
    manifest: function (m) {
      manifest = m;
      m.s.forEach(function (s) {
        shardKeys.push(s[0]);
        shardInfo[s[0]] = { file: s[1], bytes: s[2] };
      });
    },
    add: function (key, tokens) { shards[key] = tokens; },
    docs: function (n, rows) { chunks[n] = rows; }
  };

  /* Folding, as vi.Fold does at build time. */
  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  function fold(s) {
    return s.normalize("NFD").replace(MARKS, "").replace(/[đĐðÐ]/g, "d").toLowerCase();
  }
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  var TONE_DIGIT = { "\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5" };
  /* A word as written, lower case, its tone mark as a digit at the end, as
     the build writes the variants: "hòa" and "hoà" both give "hoa2". */
  function variant(w) {
    var d = w.normalize("NFD").toLowerCase();
    var tones = (d.match(TONES) || []).map(function (m) { return TONE_DIGIT[m]; });
    return d.replace(TONES, "").normalize("NFC") + tones.join("");
  }
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  function words(s) { return s.normalize("NFC").match(WORD) || []; }

  /* The shard keys holding a folded word, or words starting with it. */
  function holder(tok) {
    var best = null;
    for (var i = 0; i < shardKeys.length; i++) {
      var k = shardKeys[i];
      if (tok.lastIndexOf(k, 0) === 0 && (!best || k.length > best.length)) best = k;
    }
    return best;
  }
  function prefixKeys(tok) {
    var out = [], h = holder(tok);
    if (h) out.push(h);
    for (var i = 0; i < shardKeys.length; i++) {
      var k = shardKeys[i];
      if (k !== h && k.length > tok.length && k.lastIndexOf(tok, 0) === 0) out.push(k);
    }
    return out;
  }

  function parse(q) {
    var ws = words(q);
    var hasMarks = /[\u0300-\u036fđĐ]/.test(q.normalize("NFD"));
    var open = ws.length > 0 && /[\p{L}\p{M}\p{N}]$/u.test(q);
    var terms = ws.map(function (w, i) {
      return { word: w, fold: fold(w), exact: hasMarks ? variant(w) : null, prefix: open && i === ws.length - 1 };
    });
    return terms;
  }

  /* Which shards a query needs; a partial last word that would need too
     many is left out until more is typed. */
  function plan(terms) {
    var use = [], keys = {};
    terms.forEach(function (t) {
      var ks;
      if (t.prefix) {
        ks = prefixKeys(t.fold);
        var bytes = 0;
        ks.forEach(function (k) { bytes += shardInfo[k].bytes; });
        if (bytes > PREFIX_BUDGET || t.fold.length < 2) {
          if (terms.length > 1 || t.fold.length < 2) { t.skip = true; return; }
          t.prefix = false;
          ks = holder(t.fold) ? [holder(t.fold)] : [];
        }
      } else {
        var h = holder(t.fold);
        ks = h ? [h] : [];
      }
      t.keys = ks;
      use.push(t);
      ks.forEach(function (k) { keys[k] = true; });
    });
    return { terms: use, files: Object.keys(keys).map(function (k) { return shardInfo[k].file; }) };
  }

  /* postings of a term: doc -> {field, exact, pos: [positions], full} */
  function collect(t) {
    var out = new Map();
    t.keys.forEach(function (k) {
      var sh = shards[k] || {};
      Object.keys(sh).forEach(function (tok) {
        if (t.prefix ? tok.lastIndexOf(t.fold, 0) !== 0 : tok !== t.fold) return;
        var full = tok === t.fold;
        var vars = sh[tok][0], p = sh[tok][1];
        var exactIdx = -1;
        if (t.exact !== null) exactIdx = vars.indexOf(t.exact);
        var doc = 0;
        for (var i = 0; i < p.length;) {
          doc += p[i];
          var n = p[i + 1];
          var e = out.get(doc);
          if (!e) { e = { field: 3, exact: false, full: false, pos: [] }; out.set(doc, e); }
          for (var j = 0; j < n; j++) {
            var v = p[i + 2 + j];
            var field = (v >> 4) & 3, vi = v & 15;
            if (field < e.field) e.field = field;
            if (full) e.full = true;
            if (exactIdx >= 0 && vi === exactIdx && full) e.exact = true;
            e.pos.push(v >> 6);
          }
          i += 2 + n;
        }
      });
    });
    return out;
  }

  var FIELD_SCORE = [30, 8, 2];

  function rank(terms) {
    var posts = terms.map(collect);
    var order = posts.map(function (m, i) { return i; }).sort(function (a, b) { return posts[a].size - posts[b].size; });
    var smallest = posts[order[0]];
    var hits = [];
    smallest.forEach(function (first, doc) {
      var score = 0, exact = 0, phrase = 0;
      for (var i = 0; i < posts.length; i++) {
        var e = posts[i].get(doc);
        if (!e) return;
        score += FIELD_SCORE[e.field] + (e.full ? 4 : 0);
        if (e.exact) exact++;
        if (i > 0) {
          var prev = posts[i - 1].get(doc);
          if (prev.pos.some(function (p) { return e.pos.indexOf(p + 1) >= 0; })) phrase++;
        }
      }
      hits.push({ doc: doc, key: [exact, phrase, score] });
    });
    hits.sort(function (a, b) {
      for (var i = 0; i < 3; i++) if (a.key[i] !== b.key[i]) return b.key[i] - a.key[i];
      return a.doc - b.doc;
    });
    return hits;
  }

  /* Marking matches in a text: fold it character by character keeping
     where each folded character came from. */
  function marks(text, terms) {
    var folded = "", from = [];
    var chars = Array.from(text);
    var off = 0;
    chars.forEach(function (c) {
      var f = fold(c);
      for (var i = 0; i < f.length; i++) { folded += f[i]; from.push(off); }
      off += c.length;
    });
    from.push(text.length);
    var ranges = [];
    terms.forEach(function (t) {
      if (!t.fold) return;
      var at = 0;
      while ((at = folded.indexOf(t.fold, at)) >= 0) {
        var startOK = at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]);
        var end = at + t.fold.length;
        var endOK = t.prefix || end >= folded.length || !/[\p{L}\p{N}]/u.test(folded[end]);
        if (startOK && endOK) {
          var s = from[at], e = end < from.length ? from[end] : text.length;
          while (e < text.length && /\p{M}/u.test(text[e])) e++;
          ranges.push([s, e]);
        }
        at = end;
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
    });
    return merged;
  }

  function marked(el, text, terms) {
    var rs = marks(text, terms), at = 0;
    rs.forEach(function (r) {
      if (r[0] > at) el.appendChild(document.createTextNode(text.slice(at, r[0])));
      var m = document.createElement("mark");
      m.textContent = text.slice(r[0], r[1]);
      el.appendChild(m);
      at = r[1];
    });
    if (at < text.length) el.appendChild(document.createTextNode(text.slice(at)));
  }

  function snippet(text, terms) {
    var rs = marks(text, terms);
    if (!rs.length || text.length <= 160) return text;
    var start = Math.max(0, rs[0][0] - 60);
    if (start > 0) {
      var sp = text.indexOf(" ", start);
      if (sp >= 0 && sp < rs[0][0]) start = sp + 1;
      return "…" + text.slice(start);
    }
    return text;
  }

  var pageRoot = root.getAttribute("data-root") || "";

  function show(hits, terms, count, token) {
    var docs = hits.slice(0, count);
    var files = {};
    docs.forEach(function (h) { files["d-" + Math.floor(h.doc / manifest.c) + ".js"] = true; });
    loadAll(Object.keys(files), function (ok) {
      if (token !== current) return;
      if (!ok) { status.textContent = S.failed; return; }
      list.textContent = "";
      docs.forEach(function (h) {
        var row = chunks[Math.floor(h.doc / manifest.c)][h.doc % manifest.c];
        var li = document.createElement("li");
        li.className = "search-hit kind-" + row[0];
        var kind = document.createElement("span");
        kind.className = "search-kind";
        kind.textContent = S["kind." + row[0]] || "";
        li.appendChild(kind);
        var a = document.createElement("a");
        a.href = pageRoot + row[2];
        a.className = "search-title";
        marked(a, row[1], terms);
        li.appendChild(a);
        if (row[4]) {
          var p = document.createElement("p");
          p.className = "search-snippet";
          marked(p, snippet(row[4], terms), terms);
          li.appendChild(p);
        }
        if (row[3]) {
          var u = document.createElement("p");
          u.className = "search-unit";
          marked(u, row[3], terms);
          li.appendChild(u);
        }
        list.appendChild(li);
      });
      list.hidden = docs.length === 0;
      moreBtn.hidden = hits.length <= count;
      status.textContent = hits.length === 0 ? S.none :
        hits.length > count ? fmt(S.countMore, [hits.length, count]) : fmt(S.count, [hits.length]);
      root.setAttribute("data-state", "done");
    });
  }

  var current = 0, lastHits = [], lastTerms = [], shown = 0;

  function reflect(q) {
    try {
      var u = new URL(window.location.href);
      if (q) u.searchParams.set("q", q); else u.searchParams.delete("q");
      history.replaceState(null, "", u.toString());
    } catch (e) { /* some browsers refuse it for files on disk */ }
  }

  function run(q) {
    var token = ++current;
    window.kcSearchLast = null;
    var t0 = performance.now();
    reflect(q.trim());
    var terms = parse(q);
    if (!terms.length) {
      list.textContent = ""; list.hidden = true; moreBtn.hidden = true; status.textContent = "";
      root.setAttribute("data-state", "idle");
      return;
    }
    root.setAttribute("data-state", "busy");
    status.textContent = S.loading;
    load("manifest.js", function (ok) {
      if (token !== current) return;
      if (!ok || !manifest) { status.textContent = S.failed; return; }
      var p = plan(terms);
      if (!p.terms.length) {
        list.textContent = ""; list.hidden = true; moreBtn.hidden = true;
        status.textContent = S.typeMore;
        root.setAttribute("data-state", "done");
        return;
      }
      loadAll(p.files, function (ok2) {
        if (token !== current) return;
        if (!ok2) { status.textContent = S.failed; return; }
        var t1 = performance.now();
        lastHits = rank(p.terms);
        lastTerms = p.terms;
        window.kcSearchLast = { query: q, hits: lastHits.length, rankMs: performance.now() - t1, totalMs: performance.now() - t0 };
        shown = PAGE;
        show(lastHits, lastTerms, shown, token);
      });
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 150);
  });
  root.querySelector("form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  moreBtn.addEventListener("click", function () {
    shown += PAGE;
    show(lastHits, lastTerms, shown, current);
  });

  var q0 = "";
  try { q0 = new URL(window.location.href).searchParams.get("q") || ""; } catch (e) { q0 = ""; }
  if (q0) { input.value = q0; run(q0); }
  root.setAttribute("data-ready", "true");
})();
