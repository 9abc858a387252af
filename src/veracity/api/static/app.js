/* veracity workspace: the few things that need a script. Everything from the server that is
   text is written with textContent, never as HTML. Every request that starts work ends by
   re-enabling its button and clearing "working…", whether it succeeded, failed or the
   network went away. */
(function () {
  "use strict";

  var POLL_MS = 500;          // how often a running job is asked for its progress
  var POLL_GIVE_UP_MS = 3600000; // a job still running after an hour is left to run unwatched

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  /* fetch that always resolves to {ok, status, body} or rejects with an Error whose message a person can read */
  function request(url, options) {
    return fetch(url, options).then(function (r) {
      return r.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
        if (!r.ok) {
          var msg = body && body.error && body.error.message ? body.error.message : "the server answered " + r.status;
          var err = new Error(msg);
          err.status = r.status;
          throw err;
        }
        return body;
      });
    }, function () {
      throw new Error("the server could not be reached (network error); nothing was changed");
    });
  }

  function show(el, text) { el.textContent = text; el.hidden = !text; }

  /* ------------------------------------------------------------ Add: analysis jobs */
  function setupAddForm(form) {
    var button = $("#add-submit", form), status = $("#add-status", form), error = $("#add-error", form);
    var progress = $("#add-progress", form), card = $("#add-results-card"), list = $("#add-results");

    function reset() {
      show(error, "");
      list.textContent = "";
      card.hidden = true;
      progress.hidden = true;
      progress.value = 0;
    }

    function finish(message) {
      button.disabled = false;
      button.removeAttribute("aria-busy");
      status.textContent = message || "";
      progress.hidden = true;
    }

    function fail(err) {
      show(error, "Could not analyse: " + err.message);
      finish("");
    }

    function render(job) {
      list.textContent = "";
      job.results.forEach(function (r) {
        var li = document.createElement("li");
        if (r.ok) {
          var a = document.createElement("a");
          a.href = "/articles/" + encodeURIComponent(r.article_id);
          a.textContent = r.title || r.source || r.article_id;
          li.appendChild(a);
          li.appendChild(document.createTextNode(" — " + r.claims + " claim" + (r.claims === 1 ? "" : "s")));
        } else {
          li.className = "error-text";
          li.textContent = (r.source ? r.source + ": " : "") + (r.error ? r.error.message : "failed");
        }
        list.appendChild(li);
      });
      card.hidden = job.results.length === 0;
    }

    function poll(id, started) {
      request("/v1/jobs/" + encodeURIComponent(id), {headers: {"Accept": "application/json"}}).then(function (job) {
        progress.hidden = false;
        progress.max = Math.max(job.total, 1);
        progress.value = job.done;
        render(job);
        if (job.status === "done" || job.status === "failed") {
          if (job.status === "failed") { show(error, "The job failed: " + (job.error ? job.error.message : "unknown error")); }
          finish(job.total ? job.succeeded + " of " + job.total + " analysed" : "nothing to analyse");
          return;
        }
        status.textContent = "analysing… " + job.done + " of " + (job.total || "?");
        if (Date.now() - started > POLL_GIVE_UP_MS) { finish("still running; reload the Articles page later"); return; }
        setTimeout(function () { poll(id, started); }, POLL_MS);
      }).catch(fail);
    }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (button.disabled) { return; }
      reset();
      var data = new FormData(form);
      var files = $("#files", form).files;
      if (!String(data.get("text") || "").trim() && (!files || files.length === 0)) {
        show(error, "Paste an article's text or HTML, or choose files to upload.");
        return;
      }
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      status.textContent = "analysing…";
      request("/v1/jobs", {method: "POST", body: data, headers: {"Accept": "application/json"}})
        .then(function (job) { poll(job.id, Date.now()); })
        .catch(fail);
    });
  }

  /* ------------------------------------------------------------ Dossier: claims and reviews */
  function setupDossier(panel) {
    var hint = $("#detail-hint", panel);

    function open(index, focus) {
      var target = $('.claim-detail[data-index="' + index + '"]', panel);
      if (!target) { return; }
      $all(".claim-detail", panel).forEach(function (s) { s.hidden = s !== target; });
      hint.hidden = true;
      $all(".sel").forEach(function (x) { x.classList.remove("sel"); });
      $all('[data-claim="' + index + '"]').forEach(function (x) { x.classList.add("sel"); });
      panel.scrollTop = 0;
      if (focus) { $("h3", target).focus(); }
    }

    document.addEventListener("click", function (ev) {
      var el = ev.target.closest("[data-claim]");
      if (el) { open(el.getAttribute("data-claim"), false); }
    });
    document.addEventListener("keydown", function (ev) {
      var el = ev.target.closest && ev.target.closest("tr[data-claim]");
      if (el && (ev.key === "Enter" || ev.key === " ")) {
        ev.preventDefault();
        open(el.getAttribute("data-claim"), true);
      }
    });
    if (location.hash.indexOf("#claim-") === 0) {
      var target = document.getElementById(location.hash.slice(1));
      if (target) { open(target.getAttribute("data-index"), true); }
    }

    $all("form.review-form", panel).forEach(function (form) {
      var button = $("button[type=submit]", form), status = $(".review-status", form);
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        if (button.disabled) { return; }
        var id = form.getAttribute("data-claim-id");
        var body = {
          status: form.elements.status.value,
          rating: form.elements.rating.value || null,
          note: form.elements.note.value || null,
          reviewer: form.elements.reviewer.value || null
        };
        button.disabled = true;
        status.className = "review-status";
        status.textContent = "saving…";
        request("/v1/claims/" + encodeURIComponent(id) + "/review", {
          method: "PUT", headers: {"Content-Type": "application/json", "Accept": "application/json"}, body: JSON.stringify(body)
        }).then(function (out) {
          var r = out.current, current = $("[data-current-review]", form.parentNode);
          current.textContent = r.status + (r.rating ? ": " + r.rating : "") + (r.reviewer ? " by " + r.reviewer : "") +
            " (" + r.created_at + ")" + (r.note ? " — " + r.note : "");
          var cell = document.querySelector('[data-review-cell="' + id + '"]');
          if (cell) { cell.textContent = r.status + (r.rating ? ": " + r.rating : ""); }
          status.className = "review-status ok-text";
          status.textContent = "saved (" + out.history.length + " in history)";
        }).catch(function (err) {
          status.className = "review-status error-text";
          status.textContent = "not saved: " + err.message;
        }).then(function () { button.disabled = false; });
      });
    });
  }

  /* ------------------------------------------------------------ Evidence: uploads to the index */
  function setupEvidence(form) {
    var button = $("#ev-submit", form), status = $("#ev-status", form), error = $("#ev-error", form);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (button.disabled) { return; }
      show(error, "");
      button.disabled = true;
      status.textContent = "indexing…";
      request("/v1/evidence", {method: "POST", body: new FormData(form), headers: {"Accept": "application/json"}})
        .then(function (out) {
          $("#ev-documents").textContent = out.documents;
          $("#ev-sentences").textContent = out.sentences;
          status.textContent = "added " + out.added + " document" + (out.added === 1 ? "" : "s") + " (" + out.added_sentences +
            " sentences), " + out.skipped + " already indexed";
          if (out.errors.length) {
            show(error, out.errors.map(function (e) { return (e.source ? e.source + ": " : "") + e.message; }).join("\n"));
          }
        })
        .catch(function (err) { status.textContent = ""; show(error, "Could not index: " + err.message); })
        .then(function () { button.disabled = false; });
    });
  }

  /* ------------------------------------------------------------ Evidence: a server folder, as a job */
  function setupFolder(form) {
    var button = $("#folder-submit", form), status = $("#folder-status", form), error = $("#folder-error", form);
    var progress = $("#folder-progress", form);

    function finish(message) {
      button.disabled = false;
      button.removeAttribute("aria-busy");
      progress.hidden = true;
      status.textContent = message;
      request("/v1/evidence", {headers: {"Accept": "application/json"}}).then(function (out) {
        $("#ev-documents").textContent = out.documents;
        $("#ev-sentences").textContent = out.sentences;
      }).catch(function () { /* the counts stay as they were; the status line says what happened */ });
    }

    function summary(job) {
      var added = 0, skipped = 0;
      job.results.forEach(function (r) { added += r.added || 0; skipped += r.skipped || 0; });
      return added + " document" + (added === 1 ? "" : "s") + " added, " + skipped + " already indexed, from " +
        job.done + " of " + job.total + " file" + (job.total === 1 ? "" : "s");
    }

    function poll(id, started) {
      request("/v1/jobs/" + encodeURIComponent(id), {headers: {"Accept": "application/json"}}).then(function (job) {
        progress.hidden = false;
        progress.max = Math.max(job.total, 1);
        progress.value = job.done;
        var failed = job.results.filter(function (r) { return r.error; });
        show(error, failed.map(function (r) { return r.source + ": " + r.error.message; }).join("\n"));
        if (job.status === "done" || job.status === "failed") {
          if (job.status === "failed") { show(error, "The job failed: " + (job.error ? job.error.message : "unknown error")); }
          finish(job.total ? summary(job) : "no files to index in that folder");
          return;
        }
        status.textContent = "indexing… " + summary(job);
        if (Date.now() - started > POLL_GIVE_UP_MS) { finish("still running; reload this page later"); return; }
        setTimeout(function () { poll(id, started); }, POLL_MS);
      }).catch(function (err) { show(error, "Could not index: " + err.message); finish(""); });
    }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (button.disabled) { return; }
      show(error, "");
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      status.textContent = "indexing…";
      request("/v1/evidence/folder", {
        method: "POST", headers: {"Content-Type": "application/json", "Accept": "application/json"},
        body: JSON.stringify({path: form.elements.path.value})
      }).then(function (job) { poll(job.id, Date.now()); })
        .catch(function (err) { show(error, "Could not index: " + err.message); finish(""); });
    });
  }

  function start() {
    var add = $("#add-form");
    if (add) { setupAddForm(add); }
    var panel = $("#detail");
    if (panel) { setupDossier(panel); }
    var ev = $("#evidence-form");
    if (ev) { setupEvidence(ev); }
    var folder = $("#folder-form");
    if (folder) { setupFolder(folder); }
    $all("select[data-autosubmit]").forEach(function (s) {
      s.addEventListener("change", function () { s.form.submit(); });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
