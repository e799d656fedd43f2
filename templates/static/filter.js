/* The products catalogue's filters. Plain JavaScript, no framework, no
 * build step.
 *
 * The form is in the page, its choices folded under a summary (hidden by
 * a <noscript> style when scripts are off); without the script the
 * catalogue's pages and the facet pages they link to are browsed as they
 * are. Every product is in one data file (san-pham/bo-loc.js) that calls
 * kcFilter.data when loaded as a <script>, which works from disk, where
 * fetch() is refused. It is loaded when the first choice is made (or at
 * once when the address holds choices). Choices of one facet add up (any
 * of them), choices of different facets narrow (all of them); each value
 * shows how many products it would leave. The choices are kept in the
 * address (?nhom=che-bien&nam=2022, or after # where a browser refuses to
 * change the address of a file on disk), so that a filtered list can be
 * shared and comes back with the Back button. Cards are built with DOM
 * calls and textContent only, never from HTML. */
(function () {
  "use strict";

  var form = document.getElementById("kc-filter");
  if (!form) return;
  var S = JSON.parse(form.getAttribute("data-strings") || "{}");
  var root = form.getAttribute("data-root") || "";
  var status = document.getElementById("kc-filter-status");
  var results = document.getElementById("kc-filter-results");
  var list = document.getElementById("kc-filter-list");
  var more = document.getElementById("kc-filter-more");
  var catalogue = document.getElementById("kc-catalogue");
  var clear = form.querySelector('button[type="reset"]');
  var PAGE = 24;
  var lang = document.documentElement.lang || "vi";
  var nf = window.Intl ? new Intl.NumberFormat(lang === "en" ? "en-GB" : "vi-VN") : null;
  function num(n) { return nf ? nf.format(n) : String(n); }
  function fmt(s, args) {
    var i = 0;
    return String(s).replace(/%d/g, function () { return num(args[i++]); });
  }

  var data = null; // what bo-loc.js hands over, prepared
  var waiting = [];
  var shown = 0, matches = [];

  window.kcFilter = {
    data: function (d) {
      /* Per facet, each value's index by its slug. */
      d.slugs = d.f.map(function (f) {
        var m = {};
        f[1].forEach(function (v, i) { m[v[0]] = i; });
        return m;
      });
      data = d;
      var cbs = waiting;
      waiting = [];
      cbs.forEach(function (cb) { cb(true); });
    }
  };

  function load(done) {
    if (data) { done(true); return; }
    waiting.push(done);
    if (waiting.length > 1) return;
    var el = document.createElement("script");
    el.src = form.getAttribute("data-data");
    el.async = true;
    el.onerror = function () {
      var cbs = waiting;
      waiting = [];
      cbs.forEach(function (cb) { cb(false); });
    };
    document.head.appendChild(el);
  }

  /* The choices of the form: per facet slug, the value slugs chosen. */
  function chosen() {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      if ((el.type === "checkbox" && el.checked) || (el.tagName === "SELECT" && el.value)) {
        (out[el.name] = out[el.name] || []).push(el.value);
      }
    });
    return out;
  }

  function setChosen(c) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      var vs = c[el.name] || [];
      if (el.type === "checkbox") el.checked = vs.indexOf(el.value) >= 0;
      else if (el.tagName === "SELECT") el.value = vs.length && el.querySelector('option[value="' + cssEscape(vs[0]) + '"]') ? vs[0] : "";
    });
  }

  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, "\\$&"); }

  function empty(c) {
    for (var k in c) if (c[k].length) return false;
    return true;
  }

  /* The address holds the choices as a query, in the facets' order. */
  function toQuery(c) {
    var parts = [];
    Array.prototype.forEach.call(form.querySelectorAll("fieldset"), function (fs) {
      var el = fs.querySelector("[name]");
      if (!el) return;
      (c[el.name] || []).forEach(function (v) {
        parts.push(encodeURIComponent(el.name) + "=" + encodeURIComponent(v));
      });
    });
    return parts.join("&");
  }

  function fromQuery(q) {
    var c = {};
    q.replace(/^[?#]/, "").split("&").forEach(function (kv) {
      if (!kv) return;
      var i = kv.indexOf("=");
      if (i < 0) return;
      var k, v;
      try {
        k = decodeURIComponent(kv.slice(0, i).replace(/\+/g, " "));
        v = decodeURIComponent(kv.slice(i + 1).replace(/\+/g, " "));
      } catch (e) { return; }
      if (!form.querySelector('[name="' + cssEscape(k) + '"]')) return;
      (c[k] = c[k] || []).push(v);
    });
    return c;
  }

  function reflect(c) {
    var q = toQuery(c);
    var u = location.href.split("#")[0].split("?")[0] + (q ? "?" + q : "");
    try {
      history.replaceState(null, "", u);
    } catch (e) {
      /* Some browsers refuse to change the query of a file on disk. */
      try { history.replaceState(null, "", "#" + q); } catch (e2) { location.hash = q; }
    }
  }

  /* Each product's facet values as sets, for the tests below. */
  function want(c) {
    return data.f.map(function (f, fi) {
      var vs = c[f[0]] || [];
      if (!vs.length) return null;
      var set = {};
      vs.forEach(function (s) {
        var i = data.slugs[fi][s];
        set[i === undefined ? -1 : i] = true;
      });
      return set;
    });
  }

  function hit(p, w, fi) {
    var set = w[fi];
    if (!set) return true;
    var vs = p[4][fi];
    for (var i = 0; i < vs.length; i++) if (set[vs[i]]) return true;
    return false;
  }

  /* apply filters every product, counts what each value would leave,
   * and returns the products that match. */
  function apply(c) {
    var w = want(c);
    var nf = data.f.length;
    var counts = data.f.map(function (f) { return new Array(f[1].length).fill(0); });
    var out = [];
    var ok = new Array(nf);
    for (var i = 0; i < data.p.length; i++) {
      var p = data.p[i], fails = 0, failed = -1;
      for (var fi = 0; fi < nf; fi++) {
        ok[fi] = hit(p, w, fi);
        if (!ok[fi]) { fails++; failed = fi; }
      }
      if (fails === 0) out.push(p);
      if (fails > 1) continue;
      /* A value's count is of the products that match every other
       * facet's choices and have the value. */
      for (fi = 0; fi < nf; fi++) {
        if (fails === 1 && failed !== fi) continue;
        var vs = p[4][fi];
        for (var k = 0; k < vs.length; k++) counts[fi][vs[k]]++;
      }
    }
    return { products: out, counts: counts };
  }

  function showCounts(counts) {
    Array.prototype.forEach.call(form.querySelectorAll("fieldset"), function (fs) {
      var el = fs.querySelector("[name]");
      if (!el) return;
      var fi = -1;
      for (var i = 0; i < data.f.length; i++) if (data.f[i][0] === el.name) fi = i;
      if (fi < 0) return;
      if (el.tagName === "SELECT") {
        Array.prototype.forEach.call(el.options, function (o) {
          if (!o.value) return;
          var i = data.slugs[fi][o.value];
          if (i === undefined) return;
          o.textContent = o.getAttribute("data-label") + " (" + num(counts[fi][i]) + ")";
        });
        return;
      }
      Array.prototype.forEach.call(fs.querySelectorAll("input[type=checkbox]"), function (box) {
        var i = data.slugs[fi][box.value];
        var span = box.parentNode.querySelector(".facet-count");
        if (i !== undefined && span) span.textContent = "(" + num(counts[fi][i]) + ")";
      });
    });
  }

  function text(tag, cls, s) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    if (s) el.textContent = s;
    return el;
  }

  /* Badge text with its abbreviations in <abbr title>. */
  function abbr(parent, s) {
    while (s) {
      var at = -1, which = null;
      for (var i = 0; i < data.a.length; i++) {
        var k = s.indexOf(data.a[i][0]);
        if (k >= 0 && (at < 0 || k < at)) { at = k; which = data.a[i]; }
      }
      if (at < 0) { parent.appendChild(document.createTextNode(s)); return; }
      if (at > 0) parent.appendChild(document.createTextNode(s.slice(0, at)));
      var a = text("abbr", "", which[0]);
      a.title = which[1];
      parent.appendChild(a);
      s = s.slice(at + which[0].length);
    }
  }

  function card(p) {
    var li = text("li", "card");
    if (p[5]) {
      var img = document.createElement("img");
      img.src = root + p[5][0];
      if (p[5][1]) { img.width = p[5][1]; img.height = p[5][2]; }
      img.alt = p[5][3] || "";
      img.loading = "lazy";
      img.decoding = "async";
      li.appendChild(img);
    }
    var h = text("h3");
    var a = text("a", "", p[1]);
    a.href = root + p[0];
    h.appendChild(a);
    li.appendChild(h);
    if (p[2] >= 0) li.appendChild(text("p", "maker", data.m[p[2]][0]));
    if (p[3] >= 0) li.appendChild(text("p", "place", data.u[p[3]]));
    if (p[6].length) {
      var ul = text("ul", "badges");
      p[6].forEach(function (ri) {
        var r = data.r[ri];
        var b = text("li", "badge badge-" + r[2] + (r[4] ? " badge-expired" : ""));
        var link = text("a");
        link.href = root + r[0];
        if (r[3]) {
          var st = text("span", "stars", "★★★★★".slice(0, r[3]) + "☆☆☆☆☆".slice(0, 5 - r[3]));
          st.setAttribute("aria-hidden", "true");
          link.appendChild(st);
          link.appendChild(document.createTextNode(" "));
        }
        abbr(link, r[1]);
        b.appendChild(link);
        if (r[5]) {
          b.appendChild(document.createTextNode(" "));
          b.appendChild(text("span", "validity", "(" + r[5] + ")"));
        }
        ul.appendChild(b);
      });
      li.appendChild(ul);
    }
    return li;
  }

  function render() {
    var frag = document.createDocumentFragment();
    var upto = Math.min(shown, matches.length);
    for (var i = list.children.length; i < upto; i++) frag.appendChild(card(matches[i]));
    list.appendChild(frag);
    more.hidden = matches.length <= upto;
  }

  var token = 0;
  function update(fromUser) {
    var c = chosen();
    var mine = ++token;
    if (fromUser) reflect(c);
    if (clear) {
      /* Nothing to clear: the button goes, and the focus it held moves
       * to the first of the choices rather than to the page's top. */
      if (empty(c) && document.activeElement === clear) {
        var first = form.querySelector("summary, input, select");
        if (first) first.focus();
      }
      clear.hidden = empty(c);
    }
    if (empty(c)) {
      results.hidden = true;
      catalogue.hidden = false;
      list.textContent = "";
      if (data) showCounts(apply(c).counts);
      status.textContent = fmt(S.countAll, [data ? data.p.length : Number(form.getAttribute("data-total") || 0)]);
      form.setAttribute("data-state", "done");
      return;
    }
    form.setAttribute("data-state", "busy");
    status.textContent = S.loading;
    load(function (ok) {
      if (mine !== token) return;
      if (!ok) { status.textContent = S.failed; form.setAttribute("data-state", "failed"); return; }
      var t0 = performance.now();
      var res = apply(c);
      matches = res.products;
      showCounts(res.counts);
      list.textContent = "";
      shown = PAGE;
      render();
      window.kcFilterLast = { query: toQuery(c), matches: matches.length, applyMs: performance.now() - t0 };
      results.hidden = false;
      catalogue.hidden = true;
      status.textContent = matches.length ? fmt(S.count, [matches.length]) : S.none;
      form.setAttribute("data-state", "done");
    });
  }

  form.addEventListener("change", function () { update(true); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); update(true); });
  form.addEventListener("reset", function () {
    setTimeout(function () { update(true); }, 0);
  });
  more.addEventListener("click", function () {
    var first = list.children.length;
    shown += PAGE;
    render();
    var next = list.children[first];
    if (next) { var a = next.querySelector("a"); if (a) a.focus(); }
  });

  var initial = fromQuery(location.search);
  if (empty(initial)) initial = fromQuery(location.hash);
  setChosen(initial);
  if (!empty(initial)) update(false);
  else {
    if (clear) clear.hidden = true;
    form.setAttribute("data-state", "done");
  }
  form.setAttribute("data-ready", "true");
})();
