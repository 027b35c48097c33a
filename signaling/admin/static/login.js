// Sign-in: POST the form as JSON; the server answers with an HttpOnly admin-session cookie.
"use strict";

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
      window.location.assign("/admin/");
      return;
    }
    const answer = await response.json().catch(() => ({}));
    error.textContent = answer.message || `Sign-in failed (HTTP ${response.status})`;
  } catch (e) {
    error.textContent = "The server cannot be reached.";
  }
});
