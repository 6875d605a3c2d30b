// The pseudonymisation switch: add or drop anonymize=1 on every download link.
(function () {
  var box = document.getElementById("anonymize");
  if (!box) { return; }
  function update() {
    document.querySelectorAll("a.dl").forEach(function (a) {
      a.href = a.dataset.base + (box.checked ? "&anonymize=1" : "");
    });
  }
  box.addEventListener("change", update);
  update();
})();
