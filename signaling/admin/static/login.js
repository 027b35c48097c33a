// Sign-in: POST the form as JSON; the server answers with an HttpOnly admin-session cookie.
"use strict";

// Each account starts on the first page its roles open: IT on the fleet, a manager on the reports,
// an editor (who may see neither the fleet nor the reports) on the common questions.
function landing(roles) {
  if (roles.includes("admin")) return "/admin/";
  if (roles.includes("manager")) return "/admin/reports";
  if (roles.includes("editor")) return "/admin/answers";
  return "/admin/";
}

document.getElementById("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = document.getElementById("login-error");
  error.textContent = "";
  const body = {
    username: document.getElementById("username").value,
    password: document.getElementById("password").value,
  };
  try {
    const response = await fetch("/admin/api/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.ok) {
      const answer = await response.json();
      window.location.assign(landing(answer.roles || []));
      return;
    }
    const answer = await response.json().catch(() => ({}));
    error.textContent = answer.message || `Sign-in failed (HTTP ${response.status})`;
  } catch (e) {
    error.textContent = "The server cannot be reached.";
  }
});
