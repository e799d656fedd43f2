/* Record pages: the photo gallery and sharing. Plain JavaScript, no
 * framework, no build step. Both enhance what the page does without a
 * script: a photo's link opens the photo itself, and the share buttons
 * stay hidden. Text is set with textContent only, never as HTML. */
(function () {
  "use strict";

  function fmt(s, args) {
    var i = 0;
    return String(s).replace(/%d/g, function () { return String(args[i++]); });
  }

  /* Gallery: a link of the gallery opens its photo in a modal dialog,
   * with the previous and next photos on buttons and the arrow keys.
   * Escape or the close button closes it, and focus goes back to the
   * link that opened it. */
  function gallery(root) {
    var links = Array.prototype.slice.call(root.querySelectorAll("a.gallery-link"));
    if (!links.length || typeof HTMLDialogElement !== "function") return;
    var S = JSON.parse(root.getAttribute("data-strings") || "{}");
    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", S.dialog || "");
    var inner = document.createElement("div");
    inner.className = "lightbox-inner";
    var bar = document.createElement("div");
    bar.className = "lightbox-bar";
    function button(label, cls) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = cls;
      b.textContent = label;
      bar.appendChild(b);
      return b;
    }
    var prev = button("‹ " + (S.prev || ""), "lightbox-prev");
    var count = document.createElement("span");
    count.className = "lightbox-count";
    count.setAttribute("aria-live", "polite");
    bar.appendChild(count);
    var next = button((S.next || "") + " ›", "lightbox-next");
    var close = button(S.close || "×", "lightbox-close");
    var fig = document.createElement("figure");
    var img = null; // made for each photo shown, removed on close
    var cap = document.createElement("figcaption");
    fig.appendChild(cap);
    inner.appendChild(bar);
    inner.appendChild(fig);
    dialog.appendChild(inner);
    document.body.appendChild(dialog);

    var at = 0, opener = null;
    function show(i) {
      at = (i + links.length) % links.length;
      var a = links[at];
      var thumb = a.querySelector("img");
      if (img) fig.removeChild(img);
      img = document.createElement("img");
      img.decoding = "async";
      fig.insertBefore(img, cap);
      var set = a.getAttribute("data-srcset");
      if (set) {
        img.setAttribute("srcset", set);
        img.setAttribute("sizes", "100vw");
      }
      var w = a.getAttribute("data-width") || (thumb && thumb.getAttribute("width"));
      var h = a.getAttribute("data-height") || (thumb && thumb.getAttribute("height"));
      if (w && h) { img.setAttribute("width", w); img.setAttribute("height", h); }
      img.src = a.getAttribute("href");
      img.alt = thumb ? thumb.alt : "";
      var text = a.getAttribute("data-caption") || "";
      var credit = a.getAttribute("data-credit");
      cap.textContent = text + (credit ? (text ? " – " : "") + credit : "");
      cap.hidden = !cap.textContent;
      count.textContent = fmt(S.position || "%d/%d", [at + 1, links.length]);
      prev.hidden = next.hidden = links.length < 2;
    }
    function open(a, i) {
      opener = a;
      show(i);
      dialog.showModal();
      close.focus();
    }
    links.forEach(function (a, i) {
      a.addEventListener("click", function (ev) {
        if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
        ev.preventDefault();
        open(a, i);
      });
      /* Enter opens on keydown; the rest of that key press (its
       * keypress, which would press the close button now focused) is
       * swallowed until the key is released. */
      a.addEventListener("keydown", function (ev) {
        if (ev.key !== "Enter" || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
        ev.preventDefault();
        swallow = true;
        open(a, i);
      });
    });
    var swallow = false;
    dialog.addEventListener("keypress", function (ev) {
      if (swallow) ev.preventDefault();
    }, true);
    document.addEventListener("keyup", function () { swallow = false; }, true);
    prev.addEventListener("click", function () { show(at - 1); });
    next.addEventListener("click", function () { show(at + 1); });
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowLeft") { ev.preventDefault(); show(at - 1); }
      else if (ev.key === "ArrowRight") { ev.preventDefault(); show(at + 1); }
    });
    dialog.addEventListener("click", function (ev) {
      if (ev.target === dialog) dialog.close();
    });
    dialog.addEventListener("close", function () {
      if (img) { fig.removeChild(img); img = null; }
      if (opener) opener.focus();
    });
  }

  /* Sharing: the system share sheet where the browser has one, else a
   * button that copies the page's address. A page opened from disk has
   * no address worth sharing unless the site has a base_url. */
  function share(box) {
    var url = box.getAttribute("data-url") || "";
    if (!url) {
      if (location.protocol !== "http:" && location.protocol !== "https:") return;
      url = location.href.split("#")[0];
    }
    var title = box.getAttribute("data-title") || document.title;
    var status = box.querySelector(".share-status");
    var nativeBtn = box.querySelector(".share-native");
    var copyBtn = box.querySelector(".share-copy");
    if (navigator.share) {
      nativeBtn.hidden = false;
      nativeBtn.addEventListener("click", function () {
        navigator.share({ title: title, url: url }).catch(function () {});
      });
      return;
    }
    copyBtn.hidden = false;
    function said(ok) {
      status.textContent = box.getAttribute(ok ? "data-copied" : "data-failed") || "";
    }
    function fallback() {
      var t = document.createElement("textarea");
      t.value = url;
      t.setAttribute("readonly", "");
      t.style.position = "fixed";
      t.style.opacity = "0";
      document.body.appendChild(t);
      t.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(t);
      copyBtn.focus();
      said(ok);
    }
    copyBtn.addEventListener("click", function () {
      status.textContent = "";
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { said(true); }, fallback);
      } else {
        fallback();
      }
    });
  }

  /* Print sheets: a button that opens the browser's print dialog. */
  Array.prototype.forEach.call(document.querySelectorAll("button[data-print]"), function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-gallery]"), gallery);
  Array.prototype.forEach.call(document.querySelectorAll("[data-share]"), share);
})();
