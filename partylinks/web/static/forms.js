// While a form that uploads or runs the audit is being answered, say so and keep it from
// being sent twice.
(function () {
  var note = document.querySelector("footer").dataset.busy;
  document.querySelectorAll("form[method='post']").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("button[type='submit']").forEach(function (b) {
        b.disabled = true;
        b.textContent = note;
      });
    });
  });
})();
