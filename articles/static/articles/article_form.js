/* The article form: language tabs open on the language of record and say which
   languages have text; irreversible workflow steps ask for confirmation. */
(function () {
  "use strict";

  function hasText(panel) {
    return Array.prototype.some.call(
      panel.querySelectorAll("input[type=text], input:not([type]), textarea"),
      function (el) { return el.value.trim() !== ""; }
    );
  }

  function codeOf(link) {
    return (link.getAttribute("href") || "").split("_").pop();
  }

  function markTabs($, info) {
    var record = info.dataset.record;
    var select = document.getElementById("id_original_language");
    if (select && select.value) { record = select.value; }
    var preferred = [record, document.documentElement.lang];
    $(".ui-tabs").each(function () {
      var container = $(this);
      var links = container.find("> ul > li > a").toArray();
      var filled = {};
      links.forEach(function (link) {
        var panel = document.querySelector(link.getAttribute("href"));
        var has = panel ? hasText(panel) : false;
        var code = codeOf(link);
        filled[code] = has;
        link.parentNode.classList.add(has ? "mt-filled" : "mt-empty");
        var mark = document.createElement("span");
        mark.className = "mt-mark";
        mark.textContent = has ? "●" : "○";
        mark.setAttribute("aria-hidden", "true");
        link.appendChild(mark);
        var hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = " " + (has ? info.dataset.filled : info.dataset.empty);
        link.appendChild(hidden);
      });
      var codes = links.map(codeOf);
      var order = preferred.concat(codes);
      // The first language with text, the language of record first; a group with
      // no text at all (a new article) stays on the admin's language.
      var choice = order.find(function (code) { return filled[code]; }) ||
        preferred.slice(1).concat(codes).find(function (code) {
          return codes.indexOf(code) >= 0;
        });
      if (choice) { container.tabs("option", "active", codes.indexOf(choice)); }
    });
    var main = document.getElementById("modeltranslation-main-switch");
    if (main && record) {
      var options = Array.prototype.map.call(main.options, function (o) {
        return o.textContent.trim().toLowerCase();
      });
      if (options.indexOf(record) >= 0) { main.value = String(options.indexOf(record)); }
    }
  }

  // modeltranslation builds the tabs when the page is ready; wait for them.
  function start(attempts) {
    var info = document.getElementById("article-languages");
    var $ = window.jQuery || (window.django && window.django.jQuery);
    if (!info || !$) { return; }
    if ($.fn.tabs && document.querySelector(".ui-tabs")) {
      markTabs($, info);
    } else if (attempts > 0) {
      window.setTimeout(function () { start(attempts - 1); }, 50);
    }
  }

  document.addEventListener("DOMContentLoaded", function () { start(100); });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) { event.preventDefault(); }
  });
}());
