// theme.js says which colour theme a page shows. Pages load the dark theme's stylesheet
// (site/css/dark.css, id "dark-theme") for prefers-color-scheme: dark; an embedded
// program may ask for one theme whatever the system says, which sets that stylesheet's
// media to all or to none.

const AUTO = "(prefers-color-scheme: dark)";

function stylesheet() {
  return document.getElementById("dark-theme");
}

/** setTheme shows "light", "dark", or (any other value) what the system prefers. */
export function setTheme(theme) {
  const link = stylesheet();
  const media = theme === "dark" ? "all" : theme === "light" ? "not all" : AUTO;
  if (link) link.media = media;
  document.documentElement.dataset.theme = theme === "dark" || theme === "light" ? theme : "auto";
}

/**
 * darkTheme is a media query list that matches while the dark theme shows, for views
 * that draw their own colours (the editor, the timeline) and follow changes.
 */
export function darkTheme() {
  return window.matchMedia(stylesheet()?.media || AUTO);
}
