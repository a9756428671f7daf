// The example site's own script: a click handler on a link inside the
// article, to show that highlighting keeps the page's handlers working.

const link = document.getElementById('mayor-link');
link.addEventListener('click', () => {
  link.dataset.clicks = String(Number(link.dataset.clicks || 0) + 1);
});
