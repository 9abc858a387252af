/* veracity API docs: starts Swagger UI (/docs) or ReDoc (/redoc) on the OpenAPI document.

   The libraries are the files of the fastapi-offline package, served from /static/apidocs/;
   this file is what FastAPI's own docs pages write inline, moved here because the pages'
   Content-Security-Policy allows no inline script. The element that receives the UI names the
   document in data-openapi. Nothing is fetched from elsewhere: Swagger UI's online validator
   is off, and ReDoc's search is off (it runs in a worker made from a blob: URL, which the
   policy does not allow), and ReDoc's one image from elsewhere (Redocly's logo) is never
   requested (keepImagesLocal). If a library fails, #docs-status says so and points to the plain
   reference at /docs/reference, which needs no script. */
(function () {
  "use strict";

  function fail(what) {
    var status = document.getElementById("docs-status");
    if (!status) { return; }
    status.textContent = what + " could not be shown. The plain reference at /docs/reference has the same content without JavaScript.";
    status.hidden = false;
  }

  var swagger = document.getElementById("swagger-ui");
  if (swagger) {
    if (typeof window.SwaggerUIBundle !== "function") { fail("Swagger UI"); return; }
    window.ui = window.SwaggerUIBundle({
      url: swagger.getAttribute("data-openapi"),
      dom_id: "#swagger-ui",
      layout: "BaseLayout",
      presets: [window.SwaggerUIBundle.presets.apis],
      deepLinking: true,
      validatorUrl: null,        // the default asks validator.swagger.io for a badge
      showExtensions: true,
      showCommonExtensions: true,
      defaultModelsExpandDepth: 1,
      displayRequestDuration: true,
      filter: true               // filter operations by tag
    });
  }

  /* ReDoc's side menu always shows Redocly's logo from cdn.redoc.ly (the link beside it stays).
     The policy would block that request; instead no image on this page is given an address
     off this server: its src is left empty, so it is never fetched, and ReDoc, on the error
     that follows, drops the image. React sets src with setAttribute; the property is
     covered too. */
  function keepImagesLocal() {
    function local(value) {
      var url;
      try { url = new URL(String(value), document.baseURI); } catch (e) { return false; }
      return url.origin === window.location.origin || url.protocol === "data:";
    }
    var img = window.HTMLImageElement.prototype, setAttribute = Element.prototype.setAttribute;
    img.setAttribute = function (name, value) {
      if (String(name).toLowerCase() === "src" && !local(value)) { value = ""; }
      return setAttribute.call(this, name, value);
    };
    var src = Object.getOwnPropertyDescriptor(img, "src");
    if (src && src.set) {
      Object.defineProperty(img, "src", {
        configurable: true, enumerable: src.enumerable, get: src.get,
        set: function (value) { src.set.call(this, local(value) ? value : ""); }
      });
    }
  }

  var redoc = document.getElementById("redoc");
  if (redoc) {
    if (!window.Redoc || typeof window.Redoc.init !== "function") { fail("ReDoc"); return; }
    keepImagesLocal();
    window.Redoc.init(redoc.getAttribute("data-openapi"), {
      disableSearch: true,       // the search worker would need worker-src blob:
      hideHostname: true,
      expandResponses: "200",
      pathInMiddlePanel: true,
      scrollYOffset: 0
    }, redoc, function (error) { if (error) { fail("ReDoc"); } });
  }
}());
