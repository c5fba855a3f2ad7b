// Loaded in <head>, before the page is drawn: styles for scripted pages apply at once.
document.documentElement.classList.add("js-enabled");
